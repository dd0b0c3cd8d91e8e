using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: people and studios named in a wish.</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
        // ---- names ("tarantino", "meryl streep", "studio ghibli", "isn't marvel") ----------------------------

        private bool TryName(int at, out int used)
        {
            used = 0;
            if (context.Names is not { } names || !names.TryMatch(query, at, out var entity, out used))
            {
                return false;
            }
            // A longer phrase of the vocabulary starting here is what the words mean: "nouvelle vague" is the era, not
            // a studio whose name begins with "nouvelle".
            if (vocabulary.Phrases.TryMatch(query, at, out _, out var phraseLength) && phraseLength > used)
            {
                used = 0;
                return false;
            }
            var negated = _negation == Negation.Active;
            foreach (var name in entity.Names)
            {
                if (entity.Kind == NamedEntityKind.Company)
                {
                    builder.AddCompany(name, negated);
                }
                else if (negated)
                {
                    builder.ExcludePerson(name);
                }
                else
                {
                    builder.AddPerson(name);
                }
            }
            _negation = negated ? Negation.AfterItem : Negation.Off;
            _recognised = true;
            return true;
        }
    }
}
