namespace Marquee.Core.Intent;

/// <summary>What kind of name a wish used.</summary>
public enum NamedEntityKind
{
    Person,
    Company,
}

/// <summary>A name found in a wish: the people or studios it stands for, as the catalogue spells them.</summary>
/// <param name="Names">Usually one; "the coen brothers" stands for both Coens.</param>
public sealed record NamedEntity(NamedEntityKind Kind, IReadOnlyList<string> Names);

/// <summary>Finds the people and studios of the catalogue in a wish; CatalogNames, in Content, implements it over the catalogue.</summary>
public interface INameResolver
{
    /// <summary>The longest name starting at <paramref name="start"/>, and how many tokens it spans.</summary>
    bool TryMatch(TokenizedQuery query, int start, out NamedEntity entity, out int length);

    /// <summary>
    /// The release years of the feature films that are the name's own, in order: a person's directed, written or led
    /// films; a studio's productions.
    /// </summary>
    IReadOnlyList<int> YearsOf(NamedEntity entity) => [];
}
