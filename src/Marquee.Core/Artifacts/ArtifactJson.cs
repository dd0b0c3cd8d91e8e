using System.Text.Json.Serialization;
namespace Marquee.Core.Artifacts;

/// <summary>
/// Source-generated JSON for the manifests short commands read and write: no reflection warm-up,
/// which would otherwise cost a short command like <c>train</c> a good part of its run time.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DatasetManifest))]
[JsonSerializable(typeof(TmdbEnrichmentState))]
internal sealed partial class ArtifactJson : JsonSerializerContext;
