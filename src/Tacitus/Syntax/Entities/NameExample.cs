using Tacitus.Documents;
using Tacitus.Eval.Readers;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Syntax.Entities;

/// <summary>One training sentence: its text (as written), the sentence's span in it, and its names by character span and type (<see cref="BilouTags.Types"/> index).</summary>
internal sealed record NameExample(string Text, TextSpan Sentence, IReadOnlyList<(int Type, TextSpan Span)> Names);

/// <summary>
/// Reads entity training sentences. IOB2 (UNER): PER, ORG, LOC and OTH spans as tagged (a stray <c>B-O</c> is no
/// name). CoNLL-U with GUM's entity annotation (MISC <c>Entity=(id-type-…-identity</c> … <c>id)</c>): GUM marks every
/// mention ("the preacher", "I"), so only proper names are kept, read as flat names: a leading "the" and a trailing
/// possessive are dropped; what is left must begin and end with a capitalised word, hold only capitalised words and
/// name connectors ("of", "and", "&amp;", "-", "."), and end in a proper noun (PROPN) unless GUM links it to Wikipedia
/// (its identity field) and it is no pronoun or determiner (which share their referent's link) and, as one word, a
/// noun; of nested names the outermost is kept. GUM types map person → PER, organization → ORG,
/// place → LOC; event, object, abstract, substance, animal and plant names → OTH; time and quantity are not names.
/// </summary>
internal static class NameExamples
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "&", "-", ".", "for", "de", "the", "on", "in", "al", "von", "van", "du", "la", "le", "del", "da", "'s" };

    public static List<NameExample> FromIob2(string path)
    {
        var set = Iob2Reader.Read(path);
        if (set.Problems.Count > 0 && set.Items.Count == 0)
        {
            throw new InvalidDataException($"{path}: no sentences could be read ({set.Problems[0].Message})");
        }

        var result = new List<NameExample>();
        foreach (var doc in set.Items)
        {
            foreach (var sentence in doc.Sentences)
            {
                var names = doc.Entities
                    .Where(e => e.Span.Start >= sentence.Start && e.Span.End <= sentence.End && BilouTags.TypeOf(e.Type) >= 0)
                    .Select(e => (BilouTags.TypeOf(e.Type), e.Span))
                    .ToList();
                result.Add(new NameExample(doc.Text, sentence, names));
            }
        }

        return result;
    }

    /// <summary>
    /// Reads GUM's names, one text per document (<c># newdoc</c>): its sentences' texts joined by line breaks, so the
    /// sentences of a document are read together, as the recogniser reads an article.
    /// </summary>
    public static List<NameExample> FromConllu(string path, ICollection<TacitusError> problems)
    {
        using var reader = new StreamReader(path);
        var result = new List<NameExample>();
        var document = new List<(string Text, List<(int Type, TextSpan Span)> Names)>();
        foreach (var sentence in ConlluReader.Read(reader, path, problems))
        {
            if (sentence.Comment("newdoc id") is not null)
            {
                AddDocument(document, result);
            }

            var text = sentence.Comment("text");
            var forms = sentence.Words.ConvertAll(w => w.Form);
            var offsets = text is null ? null : Iob2Reader.Align(text, forms);
            if (text is null || offsets is null)
            {
                problems.Add(new TacitusError("TAC631", "entities", "the words do not align with the sentence's text; sentence left out", path, $"line {sentence.Line}"));
                continue;
            }

            var names = new List<(int Type, TextSpan Span)>();
            foreach (var (first, last, type) in Names(sentence))
            {
                names.Add((type, new TextSpan(offsets[first], offsets[last] + forms[last].Length)));
            }

            document.Add((text, names));
        }

        AddDocument(document, result);
        return result;
    }

    /// <summary>Adds a document's sentences as examples sharing one text, and empties the list.</summary>
    private static void AddDocument(List<(string Text, List<(int Type, TextSpan Span)> Names)> sentences, List<NameExample> result)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        var text = string.Join('\n', sentences.Select(s => s.Text));
        var offset = 0;
        foreach (var (sentence, names) in sentences)
        {
            var shifted = names.ConvertAll(n => (n.Type, new TextSpan(n.Span.Start + offset, n.Span.End + offset)));
            result.Add(new NameExample(text, new TextSpan(offset, offset + sentence.Length), shifted));
            offset += sentence.Length + 1;
        }

        sentences.Clear();
    }

    /// <summary>The outermost proper names among the sentence's GUM mentions, as word ranges (0-based, inclusive).</summary>
    internal static List<(int First, int Last, int Type)> Names(ConlluSentence sentence)
    {
        var mentions = new List<(int First, int Last, string Type, bool Linked)>();
        var open = new Dictionary<string, (int First, string Type, bool Linked)>(StringComparer.Ordinal);
        for (var w = 0; w < sentence.Words.Count; w++)
        {
            var value = EntityValue(sentence.Words[w].Misc);
            var i = 0;
            while (i < value.Length)
            {
                if (value[i] == '(')
                {
                    var j = i + 1;
                    while (j < value.Length && value[j] is not ('(' or ')'))
                    {
                        j++;
                    }

                    var fields = value[(i + 1)..j].Split('-');
                    var id = fields[0];
                    var type = fields.Length > 1 ? fields[1] : string.Empty;
                    var linked = fields.Length > 7 && fields[7].Length > 0;
                    if (j < value.Length && value[j] == ')')
                    {
                        mentions.Add((w, w, type, linked));
                        j++;
                    }
                    else
                    {
                        open[id] = (w, type, linked);
                    }

                    i = j;
                }
                else
                {
                    var j = i;
                    while (j < value.Length && value[j] != ')')
                    {
                        j++;
                    }

                    var id = value[i..j];
                    if (open.Remove(id, out var start))
                    {
                        mentions.Add((start.First, w, start.Type, start.Linked));
                    }

                    i = j + 1;
                }
            }
        }

        var names = new List<(int First, int Last, int Type)>();
        foreach (var (first, last, type, linked) in mentions.OrderByDescending(m => m.Last - m.First).ThenBy(m => m.First))
        {
            var t = TypeOf(type);
            if (t < 0 || !(t == PersonType ? PersonName(sentence, first, last, out var a, out var b) : Trim(sentence, first, last, linked, out a, out b)))
            {
                continue;
            }

            if (names.TrueForAll(n => b < n.First || a > n.Last))
            {
                names.Add((a, b, t));
            }
        }

        names.Sort((x, y) => x.First.CompareTo(y.First));
        return names;
    }

    private const int PersonType = 0;

    /// <summary>
    /// A person mention's name as UNER writes it: the mention's head, which must be a singular proper noun, with the
    /// proper nouns joined to it as parts of one name (<c>flat</c>, or a <c>compound</c> before it: "George
    /// Washington"). A title is left out (GUM joins it as <c>nmod:desc</c>: "Professor Ada Lind" → "Ada Lind"), and so
    /// are other people coordinated with it ("Reich, Marks and Thuma" gives "Reich" here and the others from their
    /// own mentions), plural groups ("Kenyans", NNPS) and roles ("a Fellow of …", a head with an nmod and no flat name
    /// word: "Professor of Music").
    /// </summary>
    private static bool PersonName(ConlluSentence sentence, int first, int last, out int a, out int b)
    {
        var words = sentence.Words;
        a = b = -1;
        var head = -1;
        for (var k = first; k <= last && head < 0; k++)
        {
            // word ids run 1, 2, … in list order (multiword ranges are kept apart)
            var parent = words[k].Head - 1;
            if (parent < first || parent > last)
            {
                head = k;
            }
        }

        if (head < 0 || words[head].Upos != "PROPN" || words[head].Xpos == "NNPS" || !Capitalised(words[head].Form) || words[head].Form == "I")
        {
            return false;
        }

        // "a Fellow of the Society", "Professor of Music": a role, not a name
        if (words[first].Form is "a" or "an" or "A" or "An" || Governs(words, head, first, last, "nmod"))
        {
            if (!Governs(words, head, first, last, "flat"))
            {
                return false;
            }
        }

        a = b = head;
        while (b + 1 <= last)
        {
            if (PartOfName(words[b + 1], words, a, b, flatOnly: true))
            {
                b++;
            }
            else if (words[b + 1].Form == "-" && b + 2 <= last && PartOfName(words[b + 2], words, a, b, flatOnly: true))
            {
                // a hyphen inside the name (a double-barrelled "Soto - Ruiz", a hyphenated given name)
                b += 2;
            }
            else
            {
                break;
            }
        }

        while (a - 1 >= first && PartOfName(words[a - 1], words, a, b, flatOnly: false))
        {
            a--;
        }

        return true;
    }

    /// <summary>True when a word of <paramref name="first"/>..<paramref name="last"/> hangs from <paramref name="head"/> by a relation of the given kind (its subtypes too).</summary>
    private static bool Governs(List<ConlluWord> words, int head, int first, int last, string relation)
    {
        for (var k = first; k <= last; k++)
        {
            if (words[k].Head == words[head].Id && words[k].Relation.StartsWith(relation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the word is joined to the name words <paramref name="a"/>..<paramref name="b"/> as part of the same name.</summary>
    private static bool PartOfName(ConlluWord word, List<ConlluWord> words, int a, int b, bool flatOnly)
    {
        if (word.Head < words[a].Id || word.Head > words[b].Id)
        {
            return false;
        }

        return word.Upos == "PROPN" && (word.Relation.StartsWith("flat", StringComparison.Ordinal) || (!flatOnly && word.Relation == "compound"));
    }

    private static int TypeOf(string gumType) => gumType switch
    {
        "person" => 0,
        "organization" => 1,
        "place" => 2,
        "event" or "object" or "abstract" or "substance" or "animal" or "plant" => 3,
        _ => -1,
    };

    private static bool Trim(ConlluSentence sentence, int first, int last, bool linked, out int a, out int b)
    {
        var words = sentence.Words;
        a = first;
        b = last;
        if (words[a].Form is "the" or "The" && a < b)
        {
            a++;
        }

        if (words[b].Upos == "PART" && words[b].Form is "'s" or "'" or "’s" && b > a)
        {
            b--;
        }

        if (b - a > 7 || !Capitalised(words[a].Form) || !Capitalised(words[b].Form) || words[a].Form == "I")
        {
            return false;
        }

        // a pronoun or determiner of a linked person ("He", "My") shares the link but is no name
        if (words[b].Upos != "PROPN" && (!linked || words[b].Upos is "PRON" or "DET" || (a == b && words[a].Upos != "NOUN")))
        {
            return false;
        }

        for (var k = a + 1; k < b; k++)
        {
            if (!Capitalised(words[k].Form) && !Connectors.Contains(words[k].Form))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Capitalised(string form) => form.Length > 0 && (char.IsUpper(form[0]) || char.IsDigit(form[0]));

    private static string EntityValue(string misc)
    {
        foreach (var part in misc.Split('|'))
        {
            if (part.StartsWith("Entity=", StringComparison.Ordinal))
            {
                return part["Entity=".Length..];
            }
        }

        return string.Empty;
    }
}
