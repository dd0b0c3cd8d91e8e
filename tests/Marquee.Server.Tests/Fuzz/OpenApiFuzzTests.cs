using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Marquee.Server.Tests.Fuzz;

/// <summary>The server with limits high enough that the fuzzer reaches the handlers instead of the rate limiter.</summary>
public sealed class FuzzMarqueeFactory : MarqueeFactory
{
    /// <summary>Real Kestrel: it parses what the fuzzer sends (odd paths, bodies over the limits) as clients' requests are.</summary>
    public FuzzMarqueeFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marquee:RateLimits:SessionsPerMinute", "1000000");
        builder.UseSetting("Marquee:RateLimits:DocumentsPerMinute", "1000000");
    }
}

/// <summary>
/// Bad input from the OpenAPI document: for every operation it lists, hundreds of seeded requests with
/// parameters and bodies of the wrong type, size, shape and encoding, with and without the right session.
/// No answer may be a 5xx, and every error is a problem detail that names no internal type.
/// MARQUEE_FUZZ_SEED and MARQUEE_FUZZ_CASES (per operation) change the run; a failure prints its seed and case.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzMarqueeFactory factory) : IClassFixture<FuzzMarqueeFactory>
{
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("MARQUEE_FUZZ_SEED"), out var seed) ? seed : 20261202;

    private static int CasesPerOperation => int.TryParse(Environment.GetEnvironmentVariable("MARQUEE_FUZZ_CASES"), out var cases) ? cases : 300;

    /// <summary>Operations that start work rather than answer (training), fuzzed without the admin key only.</summary>
    private static bool IsAdmin(string path) => path.StartsWith("/admin", StringComparison.Ordinal) || path == "/metrics";

    [Fact]
    public async Task EveryOperation_BadInput_NeverAnswers5xxOrLeaksTypes()
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var (authorised, userId) = await factory.CreateSessionClientAsync();
        var token = authorised.DefaultRequestHeaders.Authorization!.Parameter!;
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 15, $"only {operations.Count} operations in the OpenAPI document");

        var failures = new List<string>();
        var requests = 0;
        var refusedLarge = 0;
        foreach (var operation in operations)
        {
            var random = new Random(HashCode.Combine(Seed, operation.Method.GetHashCode(StringComparison.Ordinal) ^ StableHash(operation.Path)));
            for (var i = 0; i < CasesPerOperation && failures.Count < 20; i++)
            {
                using var request = new Generator(random, document, userId).Request(operation);
                if (!IsAdmin(operation.Path) && random.Next(3) > 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", random.Next(10) == 0 ? "x" + token : token);
                }
                var shown = $"{request.Method} {request.RequestUri}";
                var bodyBytes = request.Content is null ? 0 : (await request.Content.ReadAsByteArrayAsync()).Length;
                // Kestrel closes a connection after refusing an oversized body: such a request gets its own.
                request.Headers.ConnectionClose = bodyBytes > BodyLimit.Small;
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException) when (bodyBytes > BodyLimit.Small)
                {
                    // Kestrel answers a body over the endpoint's limit with 413 and closes the connection while
                    // the client may still be sending it: a refusal, not a failure.
                    refusedLarge++;
                    continue;
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"case {i} of {operation.Method} {operation.Path} (seed {Seed}): no answer for {shown}: {e.InnerException?.Message ?? e.Message}");
                    continue;
                }
                using var _ = response;
                requests++;
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"case {i} of {operation.Method} {operation.Path} (seed {Seed}): {status} for {shown}: {Cut(body)}");
                }
                else if (status >= 400 && body.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"case {i} of {operation.Method} {operation.Path} (seed {Seed}): {status} is not a problem detail: {Cut(body)}");
                }
                else if (status >= 400 && (body.Contains("System.", StringComparison.Ordinal) || body.Contains("Marquee.", StringComparison.Ordinal)))
                {
                    failures.Add($"case {i} of {operation.Method} {operation.Path} (seed {Seed}): {status} names an internal type: {Cut(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers in {requests} requests ({refusedLarge} oversized bodies refused):\n" + string.Join('\n', failures));
        Assert.True(requests >= operations.Count * Math.Min(CasesPerOperation, 100));
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash;
    }

    private sealed record Operation(string Method, string Path, JsonArray Parameters, JsonNode? BodySchema);

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description")
                {
                    continue;
                }
                var parameters = new JsonArray();
                foreach (var parameter in (item["parameters"] as JsonArray ?? []).Concat(operation!["parameters"] as JsonArray ?? []))
                {
                    parameters.Add(parameter!.DeepClone());
                }
                var body = operation!["requestBody"]?["content"]?.AsObject().FirstOrDefault().Value?["schema"];
                yield return new Operation(method.ToUpperInvariant(), path, parameters, body);
            }
        }
    }

    /// <summary>Builds one bad (or nearly good) request for an operation.</summary>
    private sealed class Generator(Random random, JsonNode document, string userId)
    {
        private static readonly string[] Strings =
        [
            "", " ", "a", "Comedy", "like", "u_0000000000000000", "../../etc/passwd", "%00", "null", "true", "-1", "1e309", "NaN",
            "<script>alert(1)</script>", "' OR 1=1 --", "😀🎬", "\u202e\u0000", "Ω≈ç√∫", new string('x', 600), new string('é', 3000),
        ];

        private static readonly long[] Numbers = [0, 1, -1, 2, 10, 100, 101, 1000, 4993, int.MaxValue, int.MinValue, long.MaxValue, 1870, 2100, 99999999];

        public HttpRequestMessage Request(Operation operation)
        {
            var path = operation.Path;
            var query = new List<string>();
            foreach (var parameter in operation.Parameters)
            {
                var name = parameter!["name"]!.GetValue<string>();
                var where = parameter["in"]!.GetValue<string>();
                var value = ParameterValue(parameter["schema"], name);
                if (where == "path")
                {
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                }
                else if (where == "query" && random.Next(4) > 0)
                {
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                    if (random.Next(10) == 0)
                    {
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}x");
                    }
                }
            }
            var uri = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri);
            if (operation.BodySchema is not null || random.Next(8) == 0)
            {
                request.Content = Body(operation.BodySchema);
            }
            return request;
        }

        private string ParameterValue(JsonNode? schema, string name)
        {
            if (name.Equals("userId", StringComparison.OrdinalIgnoreCase) && random.Next(3) == 0)
            {
                return userId;
            }
            return random.Next(3) switch
            {
                0 => Strings[random.Next(Strings.Length)],
                1 => Numbers[random.Next(Numbers.Length)].ToString(CultureInfo.InvariantCulture),
                _ => Value(schema, 0)?.ToJsonString().Trim('"') ?? "",
            };
        }

        private StringContent Body(JsonNode? schema)
        {
            var text = random.Next(12) switch
            {
                0 => "",
                1 => "{",
                2 => "not json",
                3 => "[" + string.Join(',', Enumerable.Repeat("1", random.Next(1, 50))) + "]",
                4 => new string('[', 2000) + new string(']', 2000),
                5 => "\"just a string\"",
                6 => "{\"user_id\":" + new string('9', 400) + "}",
                _ => Value(schema, 0)?.ToJsonString() ?? "{}",
            };
            var type = random.Next(15) switch
            {
                0 => "text/plain",
                1 => "application/x-www-form-urlencoded",
                _ => "application/json",
            };
            return new StringContent(text, Encoding.UTF8, type);
        }

        /// <summary>A value for a schema: usually of its type with odd contents, sometimes of another type.</summary>
        private JsonNode? Value(JsonNode? schema, int depth)
        {
            schema = Resolve(schema);
            if (depth > 4 || random.Next(10) == 0)
            {
                return Anything(depth);
            }
            var type = TypeOf(schema);
            switch (type)
            {
                case "object":
                    var obj = new JsonObject();
                    foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
                    {
                        if (random.Next(3) > 0)
                        {
                            obj[name] = name == "user_id" && random.Next(2) == 0 ? userId : Value(property, depth + 1);
                        }
                    }
                    if (random.Next(6) == 0)
                    {
                        obj["unexpected_" + random.Next(100)] = Anything(depth + 1);
                    }
                    return obj;
                case "array":
                    var array = new JsonArray();
                    var count = random.Next(8) == 0 ? random.Next(100, 1200) : random.Next(0, 6);
                    for (var i = 0; i < count; i++)
                    {
                        array.Add(Value(schema?["items"], depth + 1));
                    }
                    return array;
                case "integer":
                    return random.Next(4) == 0 ? JsonValue.Create(random.Next(-5, 30)) : JsonValue.Create(Numbers[random.Next(Numbers.Length)]);
                case "number":
                    double[] doubles = [0, -0.0, 0.5, 3.5, 5, 5.01, -1, 1e308, -1e308, double.Epsilon];
                    return JsonValue.Create(doubles[random.Next(doubles.Length)]);
                case "boolean":
                    return JsonValue.Create(random.Next(2) == 0);
                case "string":
                    var enums = schema?["enum"] as JsonArray;
                    return enums is { Count: > 0 } && random.Next(2) == 0
                        ? enums[random.Next(enums.Count)]!.DeepClone()
                        : JsonValue.Create(Strings[random.Next(Strings.Length)]);
                default:
                    return Anything(depth);
            }
        }

        private JsonNode? Anything(int depth) => random.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
            2 => JsonValue.Create(Numbers[random.Next(Numbers.Length)]),
            3 => JsonValue.Create(random.Next(2) == 0),
            4 => JsonValue.Create(1.5e300),
            5 when depth < 4 => new JsonArray(Anything(depth + 1), Anything(depth + 1)),
            _ => depth < 4 ? new JsonObject { ["a"] = Anything(depth + 1) } : null,
        };

        private JsonNode? Resolve(JsonNode? schema)
        {
            for (var hops = 0; schema is not null && hops < 10; hops++)
            {
                if (schema["$ref"]?.GetValue<string>() is { } reference)
                {
                    schema = document["components"]?["schemas"]?[reference.Split('/')[^1]];
                    continue;
                }
                if ((schema["anyOf"] ?? schema["oneOf"] ?? schema["allOf"]) is JsonArray choices)
                {
                    schema = choices.FirstOrDefault(c => TypeOf(c) != "null") ?? choices.FirstOrDefault();
                    continue;
                }
                break;
            }
            return schema;
        }

        private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue one => one.GetValue<string>(),
            _ => schema?["properties"] is not null ? "object" : null,
        };
    }
}
