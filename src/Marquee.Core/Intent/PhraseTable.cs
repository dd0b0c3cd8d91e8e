namespace Marquee.Core.Intent;

/// <summary>
/// A query after tokenising: the tokens plus one string of all of them separated by single spaces,
/// so a run of tokens is a slice of that string and phrase look-ups need no new strings.
/// </summary>
public sealed class TokenizedQuery
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public TokenizedQuery(string? text)
    {
        Tokens = QueryText.Tokenize(text);
        _starts = new int[Tokens.Count];
        _ends = new int[Tokens.Count];
        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (i > 0)
            {
                joined.Append(' ');
            }
            _starts[i] = joined.Length;
            joined.Append(Tokens[i].Text);
            _ends[i] = joined.Length;
        }
        Joined = joined.ToString();
    }

    public IReadOnlyList<QueryToken> Tokens { get; }
    public int Count => Tokens.Count;
    public string Joined { get; }

    public QueryToken this[int index] => Tokens[index];

    /// <summary>The text of tokens <paramref name="start"/> .. start+length-1 joined by spaces.</summary>
    public ReadOnlySpan<char> Span(int start, int length) => Joined.AsSpan(_starts[start], _ends[start + length - 1] - _starts[start]);

    public string Text(int start, int length) => Span(start, length).ToString();
}

/// <summary>Normalised phrases → values, matched longest first against a tokenised query.</summary>
public sealed class PhraseTable<T>
{
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseTable() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The most words any phrase has.</summary>
    public int MaxWords { get; private set; }

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<string, T>> Entries => _entries;

    /// <summary>Adds or replaces a phrase; returns the normalised key (empty when nothing is left to match).</summary>
    public string Set(string phrase, T value)
    {
        var key = Key(phrase);
        if (key.Length == 0)
        {
            return key;
        }
        _entries[key] = value;
        MaxWords = Math.Max(MaxWords, key.Count(c => c == ' ') + 1);
        return key;
    }

    public bool TryGet(string phrase, out T value) => _entries.TryGetValue(Key(phrase), out value!);

    public bool ContainsKey(string normalizedKey) => _entries.ContainsKey(normalizedKey);

    public bool TryGetExact(ReadOnlySpan<char> normalizedKey, out T value) => _lookup.TryGetValue(normalizedKey, out value!);

    /// <summary>The longest phrase starting at token <paramref name="start"/>, if any.</summary>
    public bool TryMatch(TokenizedQuery query, int start, out T value, out int length) =>
        TryMatch(query, start, query.Count - start, out value, out length);

    /// <summary>The longest phrase starting at token <paramref name="start"/> no longer than <paramref name="maxLength"/> tokens, if any.</summary>
    public bool TryMatch(TokenizedQuery query, int start, int maxLength, out T value, out int length)
    {
        var longest = Math.Min(MaxWords, Math.Min(maxLength, query.Count - start));
        for (length = longest; length >= 1; length--)
        {
            if (_lookup.TryGetValue(query.Span(start, length), out value!))
            {
                return true;
            }
        }
        value = default!;
        length = 0;
        return false;
    }

    /// <summary>A phrase's lookup key: its tokens, punctuation included, joined by single spaces.</summary>
    private static string Key(string phrase) => new TokenizedQuery(phrase).Joined;
}
