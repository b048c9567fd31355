using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;
using Tacitus.Pipeline;

namespace Tacitus.Mentions;

/// <summary>
/// Finds toponyms (capitalised token runs that name a gazetteer place, longest first; "Beijing-based",
/// "China's"; "the Chinese capital" → that country's capital) and resolves each to one gazetteer entry by
/// its context ("the Chinese border city of X", "X, Texas", "X, Ill."), the countries and regions the document
/// is about, population and feature class. Skips names that belong to people or organisations
/// ("George Washington", "Washington Post") and common words ("Reading" unless "in Reading").
/// </summary>
internal sealed class PlaceRecognizer : IPipelineStage
{
    private const int MaxNameTokens = 6;

    private static readonly PlaceWords Words = PlaceWords.Shipped;

    private readonly Gazetteer gazetteer;

    public PlaceRecognizer()
        : this(Gazetteer.Default)
    {
    }

    internal PlaceRecognizer(Gazetteer gazetteer) => this.gazetteer = gazetteer;

    public string Name => "places";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate;

    public Annotations Assigns => Annotations.Places;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var found = new List<Toponym>();
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var countryEvidence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!sentence.Boilerplate || sentence.Dateline)
            {
                Scan(document, sentence, found, people, countryEvidence);
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        var context = new DocumentContext(countryEvidence);
        foreach (var toponym in found)
        {
            toponym.Resolved = Resolve(toponym, context, pass: 1);
        }

        context.CountResolved(found);
        foreach (var toponym in found)
        {
            toponym.Resolved = Resolve(toponym, context, pass: 2);
            if (toponym.Resolved is { } entry)
            {
                document.Mentions.Add(ToMention(toponym, entry));
            }
        }
    }

    private void Scan(Document document, Sentence sentence, List<Toponym> found, HashSet<string> people, Dictionary<string, int> countryEvidence)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence);
        var headline = sentence.Headline;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = token.Span.Of(text);
            if (!char.IsUpper(word[0]))
            {
                if (word.Equals("capital", StringComparison.Ordinal) && TryCapitalOf(document, sentence, tokens, i) is { } capital)
                {
                    found.Add(capital);
                }

                continue;
            }

            if (TryDemonym(text, sentence, tokens, i) is { } demonym)
            {
                found.Add(demonym.Toponym);
                if (demonym.Toponym.Matches[0].Entry.Country is { } adjectiveCountry)
                {
                    Count(countryEvidence, adjectiveCountry.Value);
                    demonym.Toponym.Evidence = adjectiveCountry.Value;
                }

                i += demonym.Length - 1;
                continue;
            }

            if (!TryMatch(text, tokens, i, out var length, out var span, out var matches, out var rule))
            {
                AddCompound(text, sentence, token, found, countryEvidence);
                continue;
            }

            var toponym = new Toponym(span, sentence.Index, matches, rule);
            if (Accept(text, tokens, i, length, toponym, people, headline))
            {
                var container = ReadDescriptors(text, sentence, tokens, i, length, toponym, out var consumed);
                found.Add(toponym);
                if (container is not null)
                {
                    found.Add(container);
                    length += consumed;
                }

                if (NamedCountry(matches) is { } named)
                {
                    toponym.Evidence = named.Value;
                    Count(countryEvidence, named.Value);
                }
                else if (toponym.RequiredCountry is { } required)
                {
                    Count(countryEvidence, required.Value);
                }
            }

            i += length - 1;
        }
    }

    /// <summary>The country a name surely lies in: every country or region of that name is in it ("Texas", "China"; not "Georgia").</summary>
    private static CountryCode? NamedCountry(GazetteerMatch[] matches)
    {
        CountryCode? country = null;
        foreach (var match in matches)
        {
            if (match.ByAlternateName || match.Entry.Kind is not (PlaceKind.Country or PlaceKind.Region))
            {
                continue;
            }

            if (country is not null && country != match.Entry.Country)
            {
                return null;
            }

            country = match.Entry.Country;
        }

        return country;
    }

    /// <summary>The longest capitalised token run from <paramref name="first"/> that names a place.</summary>
    private bool TryMatch(string text, ReadOnlySpan<Token> tokens, int first, out int length, out TextSpan span, out GazetteerMatch[] matches, out string rule)
    {
        var limit = Math.Min(MaxNameTokens, tokens.Length - first);
        var usable = 1;
        while (usable < limit && CanContinueName(text, tokens, first + usable))
        {
            usable++;
        }

        for (length = usable; length >= 1; length--)
        {
            var last = tokens[first + length - 1];
            if (last.Kind != TokenKind.Word || !char.IsUpper(text[last.Span.Start]) && length > 1)
            {
                continue;
            }

            span = new TextSpan(tokens[first].Span.Start, last.Span.End);
            if (gazetteer.Find(span.Of(text)) is { } direct)
            {
                // "U.S." and "D.C.": the final full stop belongs to the abbreviation.
                var after = first + length;
                if (after < tokens.Length && tokens[after].Span.Start == span.End && text[span.End] == '.' && last.Span.Of(text).Contains('.'))
                {
                    span = new TextSpan(span.Start, span.End + 1);
                    length++;
                }

                matches = direct;
                rule = "place:gazetteer";
                return true;
            }

            var lastText = last.Span.Of(text);
            if (lastText.Length > 2 && lastText[^2] is '\'' or '’' && lastText[^1] == 's')
            {
                span = new TextSpan(span.Start, span.End - 2);
                if (gazetteer.Find(span.Of(text)) is { } possessive)
                {
                    matches = possessive;
                    rule = "place:gazetteer";
                    return true;
                }
            }

            var hyphen = lastText.LastIndexOf('-');
            if (hyphen > 0 && hyphen < lastText.Length - 1 && char.IsLower(lastText[hyphen + 1]))
            {
                span = new TextSpan(tokens[first].Span.Start, last.Span.Start + hyphen);
                if (gazetteer.Find(span.Of(text)) is { } prefixed)
                {
                    matches = prefixed;
                    rule = "place:gazetteer-compound";
                    return true;
                }
            }
        }

        length = 0;
        span = default;
        matches = [];
        rule = string.Empty;
        return false;
    }

    private static bool CanContinueName(string text, ReadOnlySpan<Token> tokens, int index)
    {
        var token = tokens[index];
        var previous = tokens[index - 1];
        var word = token.Span.Of(text);
        return token.Kind switch
        {
            TokenKind.Word => char.IsUpper(word[0]) || Words.InnerJoiners.Contains(word.ToString()),
            TokenKind.Punctuation => word is "." && previous.Span.End == token.Span.Start && index + 1 < tokens.Length,
            TokenKind.Symbol => word is "&",
            _ => false,
        };
    }

    /// <summary>Rejects names that are part of a person's or an organisation's name, or common words.</summary>
    private bool Accept(string text, ReadOnlySpan<Token> tokens, int first, int length, Toponym toponym, HashSet<string> people, bool headline)
    {
        var key = toponym.Span.TextOf(text);
        var top = toponym.Matches[0].Entry;
        var isCountry = top.Kind is PlaceKind.Country or PlaceKind.Area;
        var strong = IsStrong(toponym.Matches);
        var abbreviation = IsAbbreviation(key);
        var previous = first > 0 ? tokens[first - 1] : default;
        var previousWord = first > 0 ? previous.Span.Of(text) : default;
        toponym.Locative = first > 0 && Words.Locatives.Contains(previousWord.ToString().ToLowerInvariant());
        var sentenceInitial = first == 0 || first == 1 && tokens[0].Kind == TokenKind.Punctuation;

        // A country's name is remembered as a person's only when it is also a region's ("Georgia"); otherwise "Air Zimbabwe"
        // or a page heading "Politics Ukraine's" would hide every later "Zimbabwe" and "Ukraine".
        var personName = !Array.Exists(toponym.Matches, m => m.Entry.Kind is PlaceKind.Country or PlaceKind.Area)
            || Array.Exists(toponym.Matches, m => m.Entry.Kind == PlaceKind.Region);
        if (people.Contains(key) && personName || length == 1 && Words.Calendar.Contains(key.ToLowerInvariant()))
        {
            return false;
        }

        if (gazetteer.IsAmbiguousWord(key) && !(toponym.Locative && Words.StrongLocatives.Contains(previousWord.ToString().ToLowerInvariant())))
        {
            return false;
        }

        // Acronyms ("UN", "PA") are places only when they are countries ("US", "UK"); short names must match without
        // folding ("To" is not "Tô").
        if (length == 1 && key.Length <= 4 && !isCountry
            && (key.All(c => !char.IsLetter(c) || char.IsUpper(c)) || !Array.Exists(toponym.Matches, m => m.Entry.Name.Equals(key, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        // "Michael Jordan", "George Washington", "Mr. Jordan": a capitalised word before makes it a name.
        // A country, region or large city in a title-case headline ("Russia Expels Diplomats") keeps its capitalised neighbours.
        var titleCase = headline && strong;
        if (first > 0 && previous.Kind == TokenKind.Word && char.IsUpper(previousWord[0]) && !Words.Prefixes.Contains(previousWord.ToString().ToLowerInvariant())
            && gazetteer.FindCountryByAdjective(previousWord) is null && !titleCase)
        {
            // Only a name no country, region or world region bears is remembered as a person's ("Politics Ukraine's"
            // in a page heading must not hide every later "Ukraine").
            if (!Words.Titles.Contains(previousWord.ToString().ToLowerInvariant()) && personName)
            {
                people.Add(key);
            }

            return false;
        }

        if (first > 1 && previousWord is "." && tokens[first - 2].Span.Of(text) is var beforeDot
            && (Words.Titles.Contains(beforeDot.ToString().ToLowerInvariant()) || beforeDot.Length == 1 && char.IsUpper(beforeDot[0])))
        {
            people.Add(key);
            return false;
        }

        // "Washington Post", "Manchester United": a capitalised word after makes it an organisation's name.
        var next = first + length;
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Word && toponym.Span.End == tokens[first + length - 1].Span.End)
        {
            var nextWord = tokens[next].Span.Of(text);
            if (char.IsUpper(nextWord[0]) && !Words.Followers.Contains(nextWord.ToString().ToLowerInvariant()) && !titleCase)
            {
                // "US Special Forces", "EU Commission", "South Korea Foreign Ministry": an abbreviated or several-word
                // country name is nobody's first name, so the name after it is an institution of that country.
                var countryInName = isCountry && (abbreviation || length > 1);
                if (!Words.Institutions.Contains(nextWord.ToString().ToLowerInvariant()) && !countryInName)
                {
                    return false;
                }

                toponym.Rule = "place:in-name";
                toponym.Form = MentionForm.InName;
            }

            // "Clinton said": a bare town name that speaks is a person.
            if (!isCountry && length == 1 && top.Population < 1_000_000 && Words.SpeakerAfter.Contains(nextWord.ToString()))
            {
                return false;
            }
        }

        // Alternate names only ("Google" is an old alternate name of a town): need a preposition or a large place.
        if (length == 1 && !toponym.Locative && Array.TrueForAll(toponym.Matches, m => m.ByAlternateName)
            && top.Population < 1_000_000 && top.Kind == PlaceKind.City)
        {
            return false;
        }

        // A sentence-initial single word that is only a small town ("Officials", "Sale") needs a stronger signal.
        return !(sentenceInitial && length == 1 && !strong);
    }

    /// <summary>A name that surely is a place when capitalised: some place of that name is a country, a region, a
    /// world region (by any of its names) or a city of 100,000 people or more (by its main name).</summary>
    private static bool IsStrong(GazetteerMatch[] matches) =>
        Array.Exists(matches, m => m.Entry.Kind != PlaceKind.City || !m.ByAlternateName && m.Entry.Population >= 100_000);

    /// <summary>"US", "U.K.", "DPRK": letters all upper case, at most five of them.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters is > 0 and <= 5;
    }

    /// <summary>"Russian", "North Korean", "European" (not "in Russian.", a language, nor "the Chinese capital"): the
    /// country or world region the adjective names, as a toponym of its own.</summary>
    private (Toponym Toponym, int Length)? TryDemonym(string text, Sentence sentence, ReadOnlySpan<Token> tokens, int first)
    {
        for (var width = Math.Min(2, tokens.Length - first); width >= 1; width--)
        {
            var last = tokens[first + width - 1];
            if (last.Kind != TokenKind.Word || !char.IsUpper(text[last.Span.Start]))
            {
                continue;
            }

            var span = new TextSpan(tokens[first].Span.Start, last.Span.End);
            var words = span.Of(text);
            if (gazetteer.FindPlaceByAdjective(words) is not { } place || gazetteer.Find(words) is not null)
            {
                continue;
            }

            var next = first + width;
            var nextWord = next < tokens.Length && tokens[next].Kind == TokenKind.Word ? tokens[next].Span.Of(text).ToString() : null;
            if (nextWord is "capital")
            {
                return null; // TryCapitalOf reads "the Chinese capital"
            }

            if (first > 0 && Words.LanguageCues.Contains(tokens[first - 1].Span.Of(text).ToString().ToLowerInvariant())
                && (nextWord is null || Words.LanguageFollowers.Contains(nextWord)))
            {
                return null;
            }

            return (new Toponym(span, sentence.Index, [new GazetteerMatch(place, false)], "place:demonym") { Form = MentionForm.Adjective }, width);
        }

        return null;
    }

    /// <summary>"Amsterdam-London", "US-China", "Nigeria-Ukrainian": a hyphenated word whose every part is a country, region
    /// or city of 100,000 people or more, or a country's adjective, one at least a name, gives each part as a toponym.</summary>
    private void AddCompound(string text, Sentence sentence, Token token, List<Toponym> found, Dictionary<string, int> countryEvidence)
    {
        var word = token.Span.Of(text);
        if (word.IndexOf('-') <= 0)
        {
            return;
        }

        Span<Range> parts = stackalloc Range[5];
        var count = word.Split(parts, '-');
        if (count < 2 || count > 4)
        {
            return;
        }

        var toponyms = new Toponym[count];
        var hasName = false;
        for (var p = 0; p < count; p++)
        {
            var part = word[parts[p]];
            var (offset, partLength) = parts[p].GetOffsetAndLength(word.Length);
            if (part.IsEmpty || !char.IsUpper(part[0]))
            {
                return;
            }

            var span = new TextSpan(token.Span.Start + offset, token.Span.Start + offset + partLength);
            if (gazetteer.Find(part) is { } matches && (IsAbbreviation(part) || !gazetteer.IsAmbiguousWord(part)) && IsStrong(matches)
                && (!IsAbbreviation(part) || Array.Exists(matches, m => m.Entry.Kind is PlaceKind.Country or PlaceKind.Area)))
            {
                toponyms[p] = new Toponym(span, sentence.Index, matches, "place:compound");
                hasName = true;
            }
            else if (gazetteer.FindPlaceByAdjective(part) is { } adjective)
            {
                toponyms[p] = new Toponym(span, sentence.Index, [new GazetteerMatch(adjective, false)], "place:demonym") { Form = MentionForm.Adjective };
            }
            else
            {
                return;
            }
        }

        if (!hasName)
        {
            return; // "African-American", "Italian-Canadian": people, not places
        }

        foreach (var toponym in toponyms)
        {
            found.Add(toponym);
            if (NamedCountry(toponym.Matches) is { } named)
            {
                toponym.Evidence = named.Value;
                Count(countryEvidence, named.Value);
            }
        }
    }

    /// <summary>Reads "the Chinese border city of X", "China's X", "X, Texas", "X, Ill." into constraints.</summary>
    /// <returns>The container named after a comma ("Texas" in "Paris, Texas"), as its own toponym, or null;
    /// <paramref name="consumed"/> is the number of tokens after the name that it took.</returns>
    private Toponym? ReadDescriptors(string text, Sentence sentence, ReadOnlySpan<Token> tokens, int first, int length, Toponym toponym, out int consumed)
    {
        consumed = 0;
        // Before: "<Adj> ... <noun> of X", "<Adj> <noun> X", "Country's X".
        if (first > 0)
        {
            var previous = tokens[first - 1].Span.Of(text);
            var end = first - 1;
            if (previous is "of")
            {
                end--;
            }

            if (end >= 0 && Words.Descriptors.Contains(tokens[end].Span.Of(text).ToString()))
            {
                for (var k = end - 1; k >= Math.Max(0, end - 4); k--)
                {
                    var t = tokens[k];
                    if (t.Kind != TokenKind.Word)
                    {
                        break;
                    }

                    if (AdjectiveCountry(text, tokens, k) is { } country)
                    {
                        toponym.RequiredCountry = country;
                        toponym.Rule = "place:descriptor";
                        toponym.Form = MentionForm.Name;
                        break;
                    }
                }
            }
            else if (previous.Length > 2 && previous[^2] is '\'' or '’' && previous[^1] == 's'
                     && gazetteer.FindCountryByName(previous[..^2]) is { Country: { } owner })
            {
                toponym.RequiredCountry = owner;
                toponym.Rule = "place:descriptor";
                toponym.Form = MentionForm.Name;
            }
        }

        // After: "X, Texas", "X, France", "X, Ill.", "X, D.C."
        var comma = first + length;
        if (comma + 1 < tokens.Length && tokens[comma].Span.Of(text) is "," && toponym.Span.End == tokens[comma - 1].Span.End)
        {
            for (var n = Math.Min(4, tokens.Length - comma - 1); n >= 1; n--)
            {
                var span = new TextSpan(tokens[comma + 1].Span.Start, tokens[comma + n].Span.End);
                if (!char.IsUpper(text[span.Start]))
                {
                    break;
                }

                if (gazetteer.Find(span.Of(text)) is { } names)
                {
                    var container = Array.Find(names, m => m.Entry.Kind is PlaceKind.Region or PlaceKind.Country).Entry;
                    if (container is not null)
                    {
                        consumed = n + 1;
                        return Constrain(toponym, container, span, sentence.Index);
                    }
                }

                var dot = comma + n + 1 < tokens.Length && tokens[comma + n + 1].Span.Of(text) is "." && tokens[comma + n + 1].Span.Start == span.End;
                var withDot = dot ? new TextSpan(span.Start, span.End + 1) : span;
                if (n <= 3 && gazetteer.TryGetRegionsByAbbreviation(withDot.Of(text), out var regions))
                {
                    consumed = n + 1 + (dot ? 1 : 0);
                    return Constrain(toponym, regions[0], withDot, sentence.Index);
                }
            }
        }

        return null;

        static Toponym Constrain(Toponym toponym, GazetteerEntry container, TextSpan span, int sentence)
        {
            if (container.Kind == PlaceKind.Region)
            {
                toponym.RequiredRegion = container;
            }

            toponym.RequiredCountry = container.Country;
            toponym.Rule = "place:comma-container";
            toponym.Form = MentionForm.Name;
            return new Toponym(span, sentence, [new GazetteerMatch(container, false)], "place:container");
        }
    }

    /// <summary>"the Chinese capital" (not "the Chinese capital markets") → the capital of that country.</summary>
    private Toponym? TryCapitalOf(Document document, Sentence sentence, ReadOnlySpan<Token> tokens, int capitalIndex)
    {
        var text = document.Text;
        if (capitalIndex + 1 < tokens.Length && Words.CapitalAsMoney.Contains(tokens[capitalIndex + 1].Span.Of(text).ToString()))
        {
            return null;
        }

        for (var width = 2; width >= 1; width--)
        {
            var start = capitalIndex - width;
            if (start < 1 || !tokens[start - 1].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var adjective = new TextSpan(tokens[start].Span.Start, tokens[capitalIndex - 1].Span.End);
            if (!char.IsUpper(text[adjective.Start]) || gazetteer.FindCountryByAdjective(adjective.Of(text)) is not { Country: { } country })
            {
                continue;
            }

            if (gazetteer.FindCapital(country) is not { } capital)
            {
                return null;
            }

            var span = new TextSpan(tokens[start - 1].Span.Start, tokens[capitalIndex].Span.End);
            return new Toponym(span, sentence.Index, [new GazetteerMatch(capital, false)], "place:demonym-capital")
            {
                Form = MentionForm.Adjective,
                RequiredCountry = country,
            };
        }

        return null;
    }

    private CountryCode? AdjectiveCountry(string text, ReadOnlySpan<Token> tokens, int index)
    {
        if (index > 0 && tokens[index - 1].Kind == TokenKind.Word
            && gazetteer.FindCountryByAdjective(new TextSpan(tokens[index - 1].Span.Start, tokens[index].Span.End).Of(text)) is { Country: { } two })
        {
            return two;
        }

        var word = tokens[index].Span.Of(text);
        return char.IsUpper(word[0]) && gazetteer.FindCountryByAdjective(word) is { Country: { } one } ? one : null;
    }

    private static GazetteerEntry? Resolve(Toponym toponym, DocumentContext context, int pass)
    {
        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        foreach (var match in toponym.Matches)
        {
            var score = Score(toponym, match, context, pass);
            if (score > bestScore)
            {
                best = match.Entry;
                bestScore = score;
            }
        }

        return best;
    }

    private static double Score(Toponym toponym, GazetteerMatch match, DocumentContext context, int pass)
    {
        var e = match.Entry;
        var score = e.Kind switch
        {
            PlaceKind.Country => 8.5,
            PlaceKind.Area => 8.0,
            PlaceKind.Region => 6.3,
            _ => Math.Log10(e.Population + 10) + e.FeatureCode switch
            {
                "PPLC" => 1.5,
                "PPLA" => 0.7,
                "PPLA2" => 0.3,
                _ => 0.0,
            },
        };
        if (match.ByAlternateName)
        {
            score -= 2.0;
        }

        if (toponym.RequiredCountry is { } required)
        {
            score += e.Country == required && e.Kind != PlaceKind.Country ? 10.0 : 0.0;
        }

        if (toponym.RequiredRegion is { } region && e.Country == region.Country && e.Admin1 == region.Admin1 && e.Kind == PlaceKind.City)
        {
            score += 10.0;
        }

        if (e.Country is { } country)
        {
            var mentions = context.CountryMentions(country.Value) - (toponym.Evidence == country.Value ? 1 : 0);
            if (pass == 2)
            {
                mentions += context.ResolvedIn(country.Value) - (toponym.Resolved is { Kind: not PlaceKind.Country } own && own.Country == country ? 1 : 0);
            }

            if (mentions > 0)
            {
                score += 1.5 + Math.Min(1.5, 0.5 * mentions);
            }

            if (pass == 2 && e.Kind is PlaceKind.City or PlaceKind.Region && context.RegionMentions(country.Value, e.Admin1) - (ReferenceEquals(toponym.Resolved, e) ? 1 : 0) > 0)
            {
                score += 1.0;
            }
        }

        return score;
    }

    private static Mention ToMention(Toponym toponym, GazetteerEntry entry) => new()
    {
        Kind = MentionKind.Place,
        Span = toponym.Span,
        Sentence = toponym.Sentence,
        Name = entry.Name,
        Country = entry.Country,
        Rule = toponym.Rule,
        Form = toponym.Form,
        Place = new PlaceInfo
        {
            Lat = entry.Lat,
            Lon = entry.Lon,
            GeoNamesId = entry.GeoNameId == 0 ? null : entry.GeoNameId,
            FeatureType = entry.FeatureType,
            Population = entry.Population == 0 ? null : entry.Population,
        },
    };

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;


    /// <summary>A place name found in the text, with what its context says, before and after resolution.</summary>
    private sealed class Toponym(TextSpan span, int sentence, GazetteerMatch[] matches, string rule)
    {
        public TextSpan Span { get; } = span;

        public int Sentence { get; } = sentence;

        public GazetteerMatch[] Matches { get; } = matches;

        public string Rule { get; set; } = rule;

        public MentionForm Form { get; set; }

        public bool Locative { get; set; }

        public CountryCode? RequiredCountry { get; set; }

        public GazetteerEntry? RequiredRegion { get; set; }

        /// <summary>The country this mention itself counted as evidence (so it does not vote for itself).</summary>
        public string? Evidence { get; set; }

        public GazetteerEntry? Resolved { get; set; }
    }

    /// <summary>What the whole document says about where it is: countries named, regions of the places resolved.</summary>
    private sealed class DocumentContext(Dictionary<string, int> countries)
    {
        private readonly Dictionary<(string, string), int> regions = [];
        private readonly Dictionary<string, int> resolved = new(StringComparer.Ordinal);

        public int CountryMentions(string country) => countries.GetValueOrDefault(country);

        public int RegionMentions(string country, string admin1) => regions.GetValueOrDefault((country, admin1));

        /// <summary>Places resolved in the first pass whose country the document has not named explicitly.</summary>
        public int ResolvedIn(string country) => resolved.GetValueOrDefault(country);

        public void CountResolved(List<Toponym> toponyms)
        {
            foreach (var t in toponyms)
            {
                if (t.Resolved is { Kind: not PlaceKind.Country, Country: { } resolvedCountry })
                {
                    resolved[resolvedCountry.Value] = resolved.GetValueOrDefault(resolvedCountry.Value) + 1;
                }

                if (t.Resolved is { Country: { } country, Admin1.Length: > 0 } entry)
                {
                    var key = (country.Value, entry.Admin1);
                    regions[key] = regions.GetValueOrDefault(key) + 1;
                }
            }
        }
    }
}
