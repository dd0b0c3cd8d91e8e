using System.Text.Json.Serialization;

namespace Marquee.Core.Training;

/// <summary>
/// Source-generated JSON for <see cref="ModelManifest"/>, kept beside the manifest so that Artifacts (the layer
/// below Training) never needs to know what a model is.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ModelManifestJson : JsonSerializerContext;
