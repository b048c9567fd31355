using System.Collections.Frozen;

namespace Tacitus.Ingest;

/// <summary>
/// Names the language of a text from its first ~2,000 characters. Scripts decide for Cyrillic (ru, uk), Greek,
/// Hebrew, Arabic, Devanagari, Thai, Chinese, Japanese (kana) and Korean (Hangul). Latin-script text is scored
/// against the most frequent function words of en, fr, de, es, it, pt and nl; a language wins when its words make up
/// a fair share of the text and clearly beat the runner-up. Otherwise "und".
/// </summary>
internal static class LanguageIdentifier
{
    public const string Undetermined = "und";

    private const int SampleChars = 2000;
    private const int MinLetters = 20;

    private static readonly string[] LatinLanguages = ["en", "fr", "de", "es", "it", "pt", "nl"];

    // Frequent, short function words; a word listed for several languages counts for each of them.
    private static readonly string[][] StopWords =
    [
        // en
        ["the", "and", "of", "to", "in", "is", "that", "was", "for", "it", "with", "as", "on", "be", "at", "by", "he", "this", "had",
         "not", "are", "but", "from", "have", "his", "they", "which", "were", "been", "has", "their", "said", "would", "will", "an",
         "who", "she", "there", "more", "after", "also", "its", "about", "than", "we", "or", "her", "what", "when", "them", "could"],

        // fr
        ["le", "la", "les", "des", "et", "est", "un", "une", "du", "dans", "que", "qui", "pour", "pas", "sur", "au", "aux", "avec",
         "ce", "cette", "il", "elle", "sont", "ont", "par", "plus", "mais", "été", "nous", "vous", "leur", "ses", "son", "sa", "ne",
         "se", "aussi", "selon", "était", "a", "d'un", "d'une", "l'", "ils", "lors", "après", "depuis"],

        // de
        ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "dem", "des", "zu", "mit", "sich", "auf", "für", "im",
         "von", "auch", "es", "an", "wird", "wurde", "sind", "hat", "haben", "nach", "bei", "aus", "einer", "einen", "sie", "er",
         "wir", "noch", "über", "dass", "werden", "oder", "war", "nur", "vor", "zum", "zur", "am", "um"],

        // es
        ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "con", "para", "del", "al", "se", "su", "sus",
         "lo", "como", "más", "pero", "fue", "ha", "han", "este", "esta", "entre", "sobre", "también", "según", "está", "son", "muy",
         "desde", "cuando", "le", "sin", "ya", "hasta", "dijo", "hay"],

        // it
        ["il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "per", "non", "con", "del", "della", "dei", "delle",
         "nel", "nella", "sono", "ha", "alla", "al", "anche", "più", "come", "ma", "questo", "questa", "stato", "dal", "dalla",
         "essere", "degli", "sulla", "secondo", "ci", "si", "ad", "gli", "hanno", "dopo"],

        // pt
        ["o", "a", "os", "as", "de", "que", "e", "do", "da", "dos", "das", "em", "um", "uma", "para", "com", "não", "no", "na",
         "nos", "por", "mais", "se", "foi", "ao", "como", "mas", "ele", "ela", "são", "também", "pelo", "pela", "está", "seu", "sua",
         "já", "entre", "após", "isso", "ainda", "disse", "tem", "às"],

        // nl
        ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "voor", "niet", "met", "zijn", "er", "aan", "ook", "als",
         "bij", "door", "maar", "om", "nog", "wordt", "werd", "naar", "heeft", "hebben", "dan", "uit", "over", "deze", "was", "hij",
         "ze", "wij", "zich", "tot", "geen", "kan", "worden", "zei"],
    ];

    /// <summary>Word → bit set of the languages (indexes into <see cref="LatinLanguages"/>) that list it.</summary>
    private static readonly FrozenDictionary<string, int> WordLanguages = BuildWordLanguages();

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        WordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Identify(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, SampleChars)];
        var scripts = new ScriptCounts();
        foreach (var c in sample)
        {
            scripts.Add(c);
        }

        if (scripts.Letters < MinLetters)
        {
            return Undetermined;
        }

        var other = scripts.DominantNonLatin(out var otherCount);
        if (other is not null && otherCount * 2 > scripts.Letters)
        {
            return other;
        }

        return scripts.Latin * 2 > scripts.Letters ? ByFunctionWords(sample) : Undetermined;
    }

    private static string ByFunctionWords(ReadOnlySpan<char> sample)
    {
        Span<int> scores = stackalloc int[LatinLanguages.Length];
        Span<char> lower = stackalloc char[32];
        var words = 0;
        var i = 0;
        while (i < sample.Length)
        {
            while (i < sample.Length && !char.IsLetter(sample[i]))
            {
                i++;
            }

            var start = i;
            while (i < sample.Length && (char.IsLetter(sample[i]) || (sample[i] is '\'' or '’' && i + 1 < sample.Length && char.IsLetter(sample[i + 1]))))
            {
                i++;
            }

            var length = i - start;
            if (length == 0)
            {
                continue;
            }

            words++;
            if (length > lower.Length)
            {
                continue;
            }

            var word = lower[..length];
            sample.Slice(start, length).ToLowerInvariant(word);
            word.Replace('’', '\'');
            if (WordLookup.TryGetValue(word, out var mask) || (word.IndexOf('\'') is > 0 and var apostrophe && WordLookup.TryGetValue(word[..(apostrophe + 1)], out mask)))
            {
                for (var l = 0; l < scores.Length; l++)
                {
                    scores[l] += (mask >> l) & 1;
                }
            }
        }

        int best = -1, bestScore = 0, second = 0;
        for (var l = 0; l < scores.Length; l++)
        {
            if (scores[l] > bestScore)
            {
                second = bestScore;
                bestScore = scores[l];
                best = l;
            }
            else if (scores[l] > second)
            {
                second = scores[l];
            }
        }

        // Function words are a third or more of running text; demand a tenth, at least three, and a clear lead.
        var enough = bestScore >= 3 && bestScore * 10 >= words;
        var clear = bestScore * 4 >= second * 5;
        return best >= 0 && enough && clear ? LatinLanguages[best] : Undetermined;
    }

    private static FrozenDictionary<string, int> BuildWordLanguages()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < StopWords.Length; l++)
        {
            foreach (var word in StopWords[l])
            {
                map[word] = map.GetValueOrDefault(word) | (1 << l);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Letters counted by script.</summary>
    private struct ScriptCounts
    {
        public int Letters;
        public int Latin;
        private int cyrillic;
        private int ukrainian;
        private int greek;
        private int hebrew;
        private int arabic;
        private int devanagari;
        private int thai;
        private int han;
        private int kana;
        private int hangul;

        public void Add(char c)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    Letters++;
                    Latin++;
                }

                return;
            }

            if (!char.IsLetter(c))
            {
                return;
            }

            Letters++;
            switch (c)
            {
                case <= '\u024F' or (>= '\u1E00' and <= '\u1EFF'):
                    Latin++;
                    break;
                case >= '\u0370' and <= '\u03FF':
                    greek++;
                    break;
                case >= '\u0400' and <= '\u052F':
                    cyrillic++;
                    ukrainian += c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ' ? 1 : 0;
                    break;
                case >= '\u0590' and <= '\u05FF':
                    hebrew++;
                    break;
                case (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F'):
                    arabic++;
                    break;
                case >= '\u0900' and <= '\u097F':
                    devanagari++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    thai++;
                    break;
                case (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F'):
                    kana++;
                    break;
                case (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF'):
                    han++;
                    break;
                case (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F'):
                    hangul++;
                    break;
                default:
                    break;
            }
        }

        public readonly string? DominantNonLatin(out int count)
        {
            // Japanese mixes kanji with kana; any real share of kana means Japanese.
            var cjk = han + kana;
            (string Code, int Count)[] candidates =
            [
                (ukrainian * 50 > cyrillic && ukrainian > 0 ? "uk" : "ru", cyrillic),
                ("el", greek),
                ("he", hebrew),
                ("ar", arabic),
                ("hi", devanagari),
                ("th", thai),
                (kana * 10 > cjk ? "ja" : "zh", cjk),
                ("ko", hangul),
            ];
            var best = candidates.MaxBy(c => c.Count);
            count = best.Count;
            return count > 0 ? best.Code : null;
        }
    }
}
