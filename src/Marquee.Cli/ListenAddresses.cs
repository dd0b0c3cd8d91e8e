using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Marquee.Cli;

/// <summary>
/// <c>--urls</c> checked before any long work: a typo or a port another program holds is one line saying what to
/// do, found before <c>up</c> spends minutes importing and training, not a stack trace from the server at the end.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>The addresses of a <c>;</c>-separated <c>--urls</c> value, each checked as Kestrel will read it.</summary>
    public static IReadOnlyList<BindingAddress> Parse(string urls)
    {
        var addresses = new List<BindingAddress>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw Invalid(url, "it is not an address");
            }
            if (address.IsUnixPipe)
            {
                addresses.Add(address);
                continue;
            }
            if (address.Scheme is not ("http" or "https"))
            {
                throw Invalid(url, $"the scheme must be http or https, not '{address.Scheme}'");
            }
            if (address.Host.Length == 0)
            {
                throw Invalid(url, "it names no host");
            }
            if (address.Port is < 0 or > 65535)
            {
                throw Invalid(url, "its port must be a number from 0 to 65535");
            }
            addresses.Add(address);
        }
        return addresses.Count > 0 ? addresses : throw Invalid(urls, "it names no address");
    }

    /// <summary>Throws, naming the address, when another program already listens on one of them.</summary>
    public static void EnsureFree(IEnumerable<BindingAddress> addresses)
    {
        foreach (var address in addresses.Where(a => !a.IsUnixPipe && a.Port > 0))
        {
            var ip = address.Host switch
            {
                "localhost" => IPAddress.Loopback,
                "*" or "+" or "0.0.0.0" => IPAddress.Any,
                _ when IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) => parsed,
                _ => IPAddress.Any,
            };
            var listener = new TcpListener(ip, address.Port);
            try
            {
                listener.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new CliException($"{address.Host}:{address.Port} is already in use (another Marquee, or another program, listens there); "
                                       + $"stop it or pick a free port, e.g. --urls {address.Scheme}://{address.Host}:{(address.Port == 65535 ? 8081 : address.Port + 1)}");
            }
            catch (SocketException e)
            {
                throw new CliException($"cannot listen on {address.Host}:{address.Port} ({e.Message}); pick another address with --urls");
            }
            finally
            {
                listener.Stop();
            }
        }
    }

    private static CliException Invalid(string url, string why) =>
        new($"--urls: '{url}' cannot be listened on: {why}; write it like http://127.0.0.1:8080 (several separated by ';')");
}
