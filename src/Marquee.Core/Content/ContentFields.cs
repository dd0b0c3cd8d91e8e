namespace Marquee.Core.Content;

/// <summary>Which text of a movie a keyword search looks at.</summary>
public enum ContentFields
{
    /// <summary>Title, overview and tagline, and MovieLens user tags.</summary>
    All,
    /// <summary>MovieLens user tags only: what people say the film is about.</summary>
    Tags,
    /// <summary>Title, overview and tagline only.</summary>
    Text,
}
