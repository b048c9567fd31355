using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>Which groups of features a model was trained with; written in the model file's header.</summary>
[Flags]
internal enum EntityFeatureSet
{
    /// <summary>Words, shapes, affixes, neighbours and previous classes only.</summary>
    Core = 0,

    /// <summary>Membership in Tacitus's knowledge tables (<see cref="NameTables"/>).</summary>
    Tables = 1 << 0,

    /// <summary>Word classes of the lexicon (given names, organisation and place words, honorifics).</summary>
    WordClasses = 1 << 1,

    /// <summary>Universal part-of-speech tags of the token layer, when it is filled.</summary>
    Upos = 1 << 2,

    /// <summary>How each word is usually written inside a sentence (<see cref="CaseProfile"/>, stored in the model).</summary>
    Case = 1 << 3,

    /// <summary>Path prefixes of word clusters learned from unlabelled news (<see cref="WordClusters"/>, stored in the model).</summary>
    Clusters = 1 << 4,

    /// <summary>
    /// Two passes: a second model reads, besides the first's features, what the first pass said about the token and
    /// about the other occurrences of its word in the document (<see cref="DocumentVotes"/>).
    /// </summary>
    Document = 1 << 5,

    /// <summary>
    /// With <see cref="Document"/>: the second pass also reads how the first pass typed each word across a corpus of
    /// plain news (<see cref="CorpusVotes"/>, stored in the model).
    /// </summary>
    Corpus = 1 << 6,

    /// <summary>
    /// Keys are joined by <see cref="FeatureKey.Quick(int, ulong)"/> (one multiply per value) instead of eight FNV
    /// rounds per value; models trained before it lack the bit and are read with the old keys.
    /// </summary>
    QuickKeys = 1 << 7,

    /// <summary>Organisation cue words around the token and its capitalised run (<see cref="EntityCues"/>, stored in the model).</summary>
    Cues = 1 << 8,

    /// <summary>
    /// With <see cref="Document"/>: the second pass reads only the sentences holding a word, capitalised or in a name,
    /// that the first pass read two ways in the document and here not as most of its occurrences (<see cref="DocumentVotes.AnyDisagreement"/>); every other sentence keeps the first pass's
    /// classes, so the second pass costs a fraction of the first.
    /// </summary>
    Gated = 1 << 9,
}

/// <summary>
/// The entity recogniser's features of one token, as hashed keys (<see cref="FeatureKey"/>): no strings are built.
/// <see cref="Prepare"/> reads a sentence once (per-token hashes of the word, its lower case and shape, table
/// membership and word classes); <see cref="Extract"/> then gives the keys of one token given the classes chosen
/// for the two before it. Instances are read-only; the per-sentence state lives in a <see cref="EntitySentence"/>.
/// </summary>
internal sealed class EntityFeatures
{
    /// <summary>Enough room for every key of one token.</summary>
    public const int MaxFeatures = 192;

    private const WordClass UsedClasses = WordClass.Function | WordClass.GivenName | WordClass.Honorific | WordClass.SpeechVerb
        | WordClass.PlacePreposition | WordClass.OrgHead | WordClass.NameConnector | WordClass.PlaceHead | WordClass.NotName
        | WordClass.Common | WordClass.OrgNoun | WordClass.Pronoun;

    // the prefix lengths (bits) of the word's cluster path read as features, and of its neighbours'
    private static readonly int[] ClusterPrefixes = [4, 6, 10, 14, WordClusters.MaxDepth];
    private static readonly int[] NeighbourPrefixes = [4, 8, WordClusters.MaxDepth];

    private readonly NameTables? tables;
    private readonly Lexicon? words;
    private readonly bool quick;

    public EntityFeatures(EntityFeatureSet set, NameTables? tables, Lexicon? words, CaseProfile? profile = null, WordClusters? clusters = null, EntityCues? cues = null)
    {
        Set = set;
        Cues = (set & EntityFeatureSet.Cues) != 0 ? cues ?? throw new ArgumentNullException(nameof(cues)) : null;
        Profile = (set & EntityFeatureSet.Case) != 0 ? profile ?? throw new ArgumentNullException(nameof(profile)) : null;
        Clusters = (set & EntityFeatureSet.Clusters) != 0 ? clusters ?? throw new ArgumentNullException(nameof(clusters)) : null;
        this.tables = (set & EntityFeatureSet.Tables) != 0 ? tables ?? throw new ArgumentNullException(nameof(tables)) : null;
        this.words = (set & EntityFeatureSet.WordClasses) != 0 ? words ?? throw new ArgumentNullException(nameof(words)) : null;
        quick = (set & EntityFeatureSet.QuickKeys) != 0;
    }

    public EntityFeatureSet Set { get; }

    public CaseProfile? Profile { get; }

    public WordClusters? Clusters { get; }

    public EntityCues? Cues { get; }

    private enum T
    {
        Bias = 1,
        Word,
        Lower,
        Shape,
        Prefix,
        Suffix,
        LowerBefore,
        LowerBefore2,
        LowerAfter,
        LowerAfter2,
        ShapeBefore,
        ShapeAfter,
        Shapes3,
        Previous,
        Previous2,
        PreviousLower,
        PreviousShape,
        Initial,
        BigramBefore,
        BigramAfter,
        Table,
        TableShape,
        TableBefore,
        TableAfter,
        Class,
        ClassBefore,
        ClassAfter,
        Upos,
        UposBefore,
        UposAfter,
        UposPair,
        Length,
        WordAfterInitial,
        LowerBeforeShape,
        LowerAfterShape,
        Case,
        CaseShape,
        CaseBefore,
        CaseAfter,
        CaseInitial,
        RunLast,
        RunFirst,
        RunPosition,
        RunClass,
        RunClassPosition,
        Cluster,
        ClusterBefore,
        ClusterAfter,
        ClusterShape,
        FirstPass,
        FirstPassShape,
        FirstPassBefore,
        FirstPassAfter,
        Vote,
        VoteShape,
        VoteMajority,
        CorpusVote,
        CorpusVoteShape,
        Cue,
        CueBefore,
        CueAfter,
        RunCue,
    }

    /// <summary>True when the model decodes in two passes, the second reading the first across the document (<see cref="EntityFeatureSet.Document"/>).</summary>
    public bool TwoPass => (Set & EntityFeatureSet.Document) != 0;

    /// <summary>True when the second pass reads only the sentences the first pass disagrees with itself on (<see cref="EntityFeatureSet.Gated"/>).</summary>
    public bool Gated => (Set & (EntityFeatureSet.Document | EntityFeatureSet.Gated)) == (EntityFeatureSet.Document | EntityFeatureSet.Gated);

    /// <summary>True when the model reads part-of-speech tags (give them to <see cref="Prepare"/>).</summary>
    public bool UsesTags => (Set & EntityFeatureSet.Upos) != 0;

    /// <summary>Reads a sentence's tokens (and their universal part-of-speech tags when the set uses them and they are given).</summary>
    public void Prepare(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<string> upos, EntitySentence sentence)
    {
        sentence.Reset(tokens.Length);
        Span<char> buffer = stackalloc char[128];
        var useTags = UsesTags && upos.Length == tokens.Length;
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Span.Of(text);
            sentence.Word[i] = FeatureKey.Add(0, word);
            sentence.Lower[i] = FeatureKey.AddLower(0, word);
            sentence.Shape[i] = ShapeOf(word);
            sentence.Length[i] = Math.Min(word.Length, 12);
            sentence.Case[i] = Profile?.ClassOf(sentence.Lower[i]) ?? 0;
            sentence.Cluster[i] = Clusters?.PathOf(sentence.Word[i], sentence.Lower[i]) ?? 0;
            if (words is not null && word.Length <= buffer.Length / 2)
            {
                var n = PhraseKey.NormalizeToken(word, buffer, stripPossessive: true);
                sentence.Classes[i] = n > 0 ? (int)(words.ClassOf(buffer[..n]) & UsedClasses) : 0;
            }

            sentence.Upos[i] = useTags ? FeatureKey.Add(0, upos[i]) : 0;
            sentence.Cue[i] = (byte)(Cues?.CueOf(word) ?? EntityCue.None);
        }

        sentence.Text = text;
        tokens.CopyTo(sentence.Tokens);
        MarkRuns(text, tokens, sentence);
        if (words is not null)
        {
            RunClasses(sentence);
        }
        tables?.Mark(text, tokens, sentence.Tables);
    }

    /// <summary>
    /// Hides the word of each token with probability <paramref name="share"/> (training only): its word and lower-case
    /// hashes become one unknown word for every feature that reads them, its own or a neighbour's.
    /// </summary>
    public static void HideWords(EntitySentence sentence, Random random, double share)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < sentence.Count; i++)
        {
            if (random.NextDouble() < share)
            {
                sentence.Word[i] = UnknownWord;
                sentence.Lower[i] = UnknownWord;
            }
        }
    }

    /// <summary>The hash a hidden word reads as (<see cref="HideWords"/>).</summary>
    private const ulong UnknownWord = 0x5EED;

    /// <summary>The most keys <see cref="ExtractHistory"/> writes.</summary>
    public const int HistoryFeatures = 4;

    /// <summary>Writes the keys of token <paramref name="i"/> given the classes of the two tokens before it (-1 before the sentence).</summary>
    public int Extract(EntitySentence s, int i, int previous, int previous2, Span<ulong> features)
    {
        var n = ExtractStatic(s, i, features);
        return n + ExtractHistory(s, i, previous, previous2, features[n..]);
    }

    /// <summary>The keys of token <paramref name="i"/> that read the classes chosen for the two tokens before it (-1 before the sentence).</summary>
    /// <remarks>
    /// The order is fixed: the class before alone (<see cref="PreviousKey"/>), then with the token's word and shape
    /// (<see cref="ExtractWordHistory"/>), then the two classes before (<see cref="Previous2Key"/>). The beam adds the
    /// rows of these keys one by one in this order, taking the first and last from a table computed once per model.
    /// </remarks>
    public int ExtractHistory(EntitySentence s, int i, int previous, int previous2, Span<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(s);
        features[0] = PreviousKey(previous);
        ExtractWordHistory(s, i, previous, features[1..]);
        features[3] = Previous2Key(previous, previous2);
        return HistoryFeatures;
    }

    /// <summary>The key of the class before the token alone (-1 before the sentence).</summary>
    public ulong PreviousKey(int previous) => Key(T.Previous, (ulong)(previous + 2));

    /// <summary>The key of the two classes before the token (-1 before the sentence).</summary>
    public ulong Previous2Key(int previous, int previous2) => Key(T.Previous2, (ulong)(previous + 2), (ulong)(previous2 + 2));

    /// <summary>The two keys that join the class before token <paramref name="i"/> with its word and with its shape.</summary>
    public void ExtractWordHistory(EntitySentence s, int i, int previous, Span<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(s);
        features[0] = Key(T.PreviousLower, (ulong)(previous + 2), s.Lower[i]);
        features[1] = Key(T.PreviousShape, (ulong)(previous + 2), s.Shape[i]);
    }

    /// <summary>The keys of token <paramref name="i"/> that do not read earlier classes: the same for every history a beam holds.</summary>
    public int ExtractStatic(EntitySentence s, int i, Span<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(s);
        var n = 0;
        var count = s.Count;
        var word = s.Tokens[i].Span.Of(s.Text);
        var lower = s.Lower[i];
        var shape = s.Shape[i];
        var before = i > 0 ? s.Lower[i - 1] : 1;
        var after = i + 1 < count ? s.Lower[i + 1] : 2;
        var shapeBefore = i > 0 ? s.Shape[i - 1] : 1;
        var shapeAfter = i + 1 < count ? s.Shape[i + 1] : 2;

        features[n++] = FeatureKey.Of((int)T.Bias);
        features[n++] = Key(T.Word, s.Word[i]);
        features[n++] = Key(T.Lower, lower);
        features[n++] = Key(T.Shape, shape);
        features[n++] = Key(T.Length, (ulong)s.Length[i]);
        for (var k = 1; k <= 3 && k < word.Length; k++)
        {
            features[n++] = FeatureKey.Finish(FeatureKey.AddLower(FeatureKey.Of((int)T.Prefix), word[..k]));
        }

        for (var k = 1; k <= 4 && k < word.Length; k++)
        {
            features[n++] = FeatureKey.Finish(FeatureKey.AddLower(FeatureKey.Of((int)T.Suffix), word[^k..]));
        }

        features[n++] = Key(T.LowerBefore, before);
        features[n++] = Key(T.LowerBefore2, i > 1 ? s.Lower[i - 2] : 1);
        features[n++] = Key(T.LowerAfter, after);
        features[n++] = Key(T.LowerAfter2, i + 2 < count ? s.Lower[i + 2] : 2);
        features[n++] = Key(T.ShapeBefore, shapeBefore);
        features[n++] = Key(T.ShapeAfter, shapeAfter);
        features[n++] = Key(T.Shapes3, shapeBefore, shape, shapeAfter);
        features[n++] = Key(T.BigramBefore, before, lower);
        features[n++] = Key(T.BigramAfter, lower, after);
        features[n++] = Key(T.LowerBeforeShape, before, shape);
        features[n++] = Key(T.LowerAfterShape, after, shape);
        if (Profile is not null)
        {
            features[n++] = Key(T.Case, s.Case[i]);
            features[n++] = Key(T.CaseShape, s.Case[i], shape);
            features[n++] = Key(T.CaseBefore, i > 0 ? s.Case[i - 1] : 100UL, shapeBefore);
            features[n++] = Key(T.CaseAfter, i + 1 < count ? s.Case[i + 1] : 100UL, shapeAfter);
            if (i == 0)
            {
                features[n++] = Key(T.CaseInitial, s.Case[i], shape);
            }
        }

        if (Clusters is not null)
        {
            var path = s.Cluster[i];
            foreach (var bits in ClusterPrefixes)
            {
                features[n++] = Key(T.Cluster, (ulong)bits, WordClusters.Prefix(path, bits));
            }

            features[n++] = Key(T.ClusterShape, WordClusters.Prefix(path, 8), shape);
            var pathBefore = i > 0 ? s.Cluster[i - 1] : 1u << 30;
            var pathAfter = i + 1 < count ? s.Cluster[i + 1] : 1u << 31;
            foreach (var bits in NeighbourPrefixes)
            {
                features[n++] = Key(T.ClusterBefore, (ulong)bits, WordClusters.Prefix(pathBefore, bits));
                features[n++] = Key(T.ClusterAfter, (ulong)bits, WordClusters.Prefix(pathAfter, bits));
            }
        }

        // the token's place in its capitalised run: 0 alone, 1 first, 2 last, 3 inside (read by the run and cue keys)
        var position = 0UL;
        if (s.RunFirst[i] >= 0)
        {
            var first = s.RunFirst[i];
            var last = s.RunLast[i];
            features[n++] = Key(T.RunLast, s.Lower[last]);
            features[n++] = Key(T.RunFirst, s.Lower[first], first == 0 ? 1UL : 0UL);
            position = (ulong)(first == last ? 0 : i == first ? 1 : i == last ? 2 : 3);
            features[n++] = Key(T.RunPosition, position, (ulong)Math.Min(last - first, 4));
            if (words is not null && first != last)
            {
                n = AddClasses(T.RunClass, s.RunClasses[i], features, n);
                var classes = s.RunClasses[i];
                for (var b = 0; b < 16; b++)
                {
                    if ((classes & (1 << b)) != 0)
                    {
                        features[n++] = Key(T.RunClassPosition, (ulong)(b + 1), position);
                    }
                }
            }
        }

        if (Cues is not null)
        {
            n = AddCues(s, i, shape, position, features, n);
        }

        if (i == 0)
        {
            features[n++] = Key(T.Initial, shape);
            features[n++] = Key(T.WordAfterInitial, lower, after);
        }

        if (tables is not null)
        {
            var bits = s.Tables[i];
            for (var b = 0; b < NameTables.Bits; b++)
            {
                if ((bits & (1u << b)) != 0)
                {
                    features[n++] = Key(T.Table, (ulong)b);
                    features[n++] = Key(T.TableShape, (ulong)b, shape);
                }
            }

            features[n++] = Key(T.TableBefore, i > 0 ? Tables(s.Tables[i - 1]) : 0x100);
            features[n++] = Key(T.TableAfter, i + 1 < count ? Tables(s.Tables[i + 1]) : 0x200);
        }

        if (words is not null)
        {
            n = AddClasses(T.Class, s.Classes[i], features, n);
            n = AddClasses(T.ClassBefore, i > 0 ? s.Classes[i - 1] : 0, features, n);
            n = AddClasses(T.ClassAfter, i + 1 < count ? s.Classes[i + 1] : 0, features, n);
        }

        if (s.Upos[i] != 0)
        {
            var upos = s.Upos[i];
            var uposBefore = i > 0 ? s.Upos[i - 1] : 1;
            var uposAfter = i + 1 < count ? s.Upos[i + 1] : 2;
            features[n++] = Key(T.Upos, upos);
            features[n++] = Key(T.UposBefore, uposBefore);
            features[n++] = Key(T.UposAfter, uposAfter);
            features[n++] = Key(T.UposPair, upos, uposAfter);
        }

        if (s.HasDocument)
        {
            n = AddDocument(s, i, shape, features, n);
        }

        return n;
    }

    /// <summary>
    /// The organisation cues of the token's word, of the words beside it (a head after it, a context word before or
    /// after it) and, in a capitalised run, of the run's last and first words and the words around the run, with the
    /// token's place in the run (<paramref name="position"/>, as the run keys read it).
    /// </summary>
    private int AddCues(EntitySentence s, int i, ulong shape, ulong position, Span<ulong> features, int n)
    {
        const EntityCue heads = EntityCue.OrgEnd | EntityCue.OrgEndOnly;
        var own = s.Cue[i];
        if (own != 0)
        {
            features[n++] = Key(T.Cue, own, shape);
        }

        var before = i > 0 ? s.Cue[i - 1] & (byte)(EntityCue.OrgBefore | EntityCue.OrgStart) : 0;
        if (before != 0)
        {
            features[n++] = Key(T.CueBefore, (ulong)before, shape);
        }

        var after = i + 1 < s.Count ? s.Cue[i + 1] & (byte)(heads | EntityCue.OrgAfter) : 0;
        if (after != 0)
        {
            features[n++] = Key(T.CueAfter, (ulong)after, shape);
        }

        if (s.RunFirst[i] >= 0)
        {
            var first = s.RunFirst[i];
            var last = s.RunLast[i];
            var run = (s.Cue[last] & (int)heads)
                | (first != last ? s.Cue[first] & (int)EntityCue.OrgStart : 0)
                | (first > 0 ? s.Cue[first - 1] & (int)EntityCue.OrgBefore : 0)
                | (last + 1 < s.Count ? s.Cue[last + 1] & (int)EntityCue.OrgAfter : 0);
            if (run != 0)
            {
                features[n++] = Key(T.RunCue, (ulong)run, position);
            }
        }

        return n;
    }

    /// <summary>
    /// The keys of token <paramref name="i"/> that only the second pass reads (the first pass's classes, the document's
    /// votes; <see cref="EntitySentence.HasDocument"/>): the ones <see cref="ExtractStatic"/> writes after all the
    /// others, in the same order. Needs only the sentence's lower-case and shape hashes and the document view.
    /// </summary>
    public int ExtractDocument(EntitySentence s, int i, Span<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(s);
        return AddDocument(s, i, s.Shape[i], features, 0);
    }

    /// <summary>The second pass's keys: the first pass's classes around the token and the document's votes for its word.</summary>
    private int AddDocument(EntitySentence s, int i, ulong shape, Span<ulong> features, int n)
    {
        var first = (ulong)s.FirstPass[i];
        features[n++] = Key(T.FirstPass, first);
        features[n++] = Key(T.FirstPassShape, first, shape);
        features[n++] = Key(T.FirstPassBefore, i > 0 ? (ulong)s.FirstPass[i - 1] : 100UL, first);
        features[n++] = Key(T.FirstPassAfter, first, i + 1 < s.Count ? (ulong)s.FirstPass[i + 1] : 100UL);
        var votes = s.Votes[i];
        int best = 0, bestCount = 0;
        for (var c = 0; c < DocumentVotes.Categories; c++)
        {
            var count = DocumentVotes.CountOf(votes, c);
            if (count == 0)
            {
                continue;
            }

            features[n++] = Key(T.Vote, (ulong)c, (ulong)count);
            features[n++] = Key(T.VoteShape, (ulong)c, shape);
            if (c > 0 && count > bestCount)
            {
                best = c;
                bestCount = count;
            }
        }

        features[n++] = Key(T.VoteMajority, (ulong)best, (ulong)((bestCount * 4) + DocumentVotes.CountOf(votes, 0)));
        if (s.Corpus[i] != 0)
        {
            features[n++] = Key(T.CorpusVote, s.Corpus[i]);
            features[n++] = Key(T.CorpusVoteShape, s.Corpus[i], shape);
        }

        return n;
    }

    /// <summary>
    /// Finds runs of capitalised words (with "of", "and", "&amp;", "for", "the", "de" between two of them) and records,
    /// for each token in one, the run's first and last token; -1 elsewhere.
    /// </summary>
    private static void MarkRuns(string text, ReadOnlySpan<Token> tokens, EntitySentence sentence)
    {
        var i = 0;
        while (i < tokens.Length)
        {
            if (!IsCapitalised(tokens[i].Span.Of(text)))
            {
                sentence.RunFirst[i] = sentence.RunLast[i] = -1;
                i++;
                continue;
            }

            var end = i;
            var j = i + 1;
            while (j < tokens.Length)
            {
                var word = tokens[j].Span.Of(text);
                if (IsCapitalised(word))
                {
                    end = j++;
                }
                else if (j + 1 < tokens.Length && IsConnector(word) && IsCapitalised(tokens[j + 1].Span.Of(text)))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            for (var k = i; k <= end; k++)
            {
                sentence.RunFirst[k] = i;
                sentence.RunLast[k] = end;
            }

            i = end + 1;
        }
    }

    /// <summary>For each token in a capitalised run, the word classes of all the run's words together ("Authority" in "Housing Authority of Esk").</summary>
    private static void RunClasses(EntitySentence sentence)
    {
        var i = 0;
        while (i < sentence.Count)
        {
            if (sentence.RunFirst[i] < 0)
            {
                sentence.RunClasses[i++] = 0;
                continue;
            }

            var last = sentence.RunLast[i];
            var classes = 0;
            for (var k = i; k <= last; k++)
            {
                classes |= sentence.Classes[k];
            }

            for (var k = i; k <= last; k++)
            {
                sentence.RunClasses[k] = classes;
            }

            i = last + 1;
        }
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsConnector(ReadOnlySpan<char> word) =>
        word is "of" or "and" or "&" or "for" or "the" or "de" or "-";

    private ulong Key(T template, ulong a) => quick ? FeatureKey.Quick((int)template, a) : FeatureKey.Of((int)template, a);

    private ulong Key(T template, ulong a, ulong b) => quick ? FeatureKey.Quick((int)template, a, b) : FeatureKey.Of((int)template, a, b);

    private ulong Key(T template, ulong a, ulong b, ulong c) =>
        quick ? FeatureKey.Quick((int)template, a, b, c) : FeatureKey.Finish(FeatureKey.Add(FeatureKey.Add(FeatureKey.Add(FeatureKey.Of((int)template), a), b), c));

    /// <summary>The tables (any position) a token belongs to, as a small number.</summary>
    private static ulong Tables(uint bits)
    {
        ulong result = 0;
        for (var t = 0; t < NameTables.Bits / 4; t++)
        {
            if ((bits & (0xFu << (t * 4))) != 0)
            {
                result |= 1UL << t;
            }
        }

        return result;
    }

    private int AddClasses(T template, int classes, Span<ulong> features, int n)
    {
        if (classes == 0)
        {
            features[n++] = Key(template, 0);
            return n;
        }

        for (var b = 0; b < 16; b++)
        {
            if ((classes & (1 << b)) != 0)
            {
                features[n++] = Key(template, (ulong)(b + 1));
            }
        }

        return n;
    }

    /// <summary>A word's shape with runs collapsed ("Lagos" → Xx, "U.S." → X.X., "2019" → d, "al-Ani" → x-Xx), hashed.</summary>
    private ulong ShapeOf(ReadOnlySpan<char> word)
    {
        var hash = quick ? 3UL : FeatureKey.Add(0, (ulong)3);
        var last = '\0';
        var written = 0;
        foreach (var c in word)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == last)
            {
                continue;
            }

            last = k;
            if (++written > 8)
            {
                break;
            }

            hash = quick ? FeatureKey.Join(hash, k) : FeatureKey.Add(hash, (ulong)k);
        }

        return hash;
    }
}

/// <summary>What <see cref="EntityFeatures.Prepare"/> read from one sentence; reused from sentence to sentence by one thread.</summary>
internal sealed class EntitySentence
{
    public string Text { get; set; } = string.Empty;

    public Token[] Tokens { get; private set; } = [];

    public int Count { get; private set; }

    public ulong[] Word { get; private set; } = [];

    public ulong[] Lower { get; private set; } = [];

    public ulong[] Shape { get; private set; } = [];

    public ulong[] Upos { get; private set; } = [];

    public int[] Length { get; private set; } = [];

    public int[] Classes { get; private set; } = [];

    public byte[] Case { get; private set; } = [];

    /// <summary>Each token's encoded cluster path (<see cref="WordClusters.Encode"/>); 0 when it has none.</summary>
    public uint[] Cluster { get; private set; } = [];

    /// <summary>First token of the capitalised run the token is in, or -1.</summary>
    public int[] RunFirst { get; private set; } = [];

    public int[] RunLast { get; private set; } = [];

    /// <summary>The word classes of the whole capitalised run a token is in (0 outside runs).</summary>
    public int[] RunClasses { get; private set; } = [];

    public uint[] Tables { get; private set; } = [];

    /// <summary>Each token's organisation cues (<see cref="EntityCues"/>; 0 when the model reads none).</summary>
    public byte[] Cue { get; private set; } = [];

    /// <summary>True when <see cref="FirstPass"/> and <see cref="Votes"/> hold the document's view (<see cref="DocumentVotes.Fill"/>) for a second pass.</summary>
    public bool HasDocument { get; set; }

    /// <summary>The corpus class of each token's word (<see cref="CorpusVotes"/>; second pass only, 0 when unknown).</summary>
    public byte[] Corpus { get; private set; } = [];

    /// <summary>The first pass's class of each token (second pass only).</summary>
    public int[] FirstPass { get; private set; } = [];

    /// <summary>The document's votes for each token's word, packed as <see cref="DocumentVotes"/> packs them (second pass only).</summary>
    public int[] Votes { get; private set; } = [];

    /// <summary>
    /// Makes this the sentence whose tokens had <paramref name="lower"/> and <paramref name="shape"/> as their
    /// hashes, for a second pass that reads only them (<see cref="EntityFeatures.ExtractDocument"/>, the history keys,
    /// <see cref="DocumentVotes.Fill"/>); the other per-token values are not those of the sentence.
    /// </summary>
    public void Restore(ReadOnlySpan<ulong> lower, ReadOnlySpan<ulong> shape)
    {
        Reset(lower.Length);
        lower.CopyTo(Lower);
        shape.CopyTo(Shape);
    }

    public void Reset(int count)
    {
        Count = count;
        HasDocument = false;
        if (Word.Length >= count)
        {
            Array.Clear(Classes, 0, count);
            return;
        }

        var size = Math.Max(count, 64);
        Word = new ulong[size];
        Lower = new ulong[size];
        Shape = new ulong[size];
        Upos = new ulong[size];
        Length = new int[size];
        Classes = new int[size];
        Tables = new uint[size];
        Tokens = new Token[size];
        Case = new byte[size];
        Cluster = new uint[size];
        RunFirst = new int[size];
        RunLast = new int[size];
        RunClasses = new int[size];
        FirstPass = new int[size];
        Votes = new int[size];
        Corpus = new byte[size];
        Cue = new byte[size];
    }
}
