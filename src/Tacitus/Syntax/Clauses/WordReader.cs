using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax.Lemmas;

namespace Tacitus.Syntax.Clauses;

/// <summary>
/// Fills the rule readers' part of the token layer (<see cref="Document.Words"/>) once per document, right after
/// tagging: each token's lower-case form (curly apostrophes and quotes folded to straight ones) and the lemma the
/// clause, attribution and event readers match on, the tags stage's lemma kept to the words their tables list (the
/// cue, pattern and modality words of <paramref name="lexicon"/>, the user's <c>--patterns</c> included). Every stage
/// after reads these instead of folding and lemmatising the sentence again.
/// </summary>
internal sealed class WordReader(FrozenSet<string> lexicon) : IPipelineStage
{
    // most words are in no table: the filter's certain "no" spares the set's lookup, asked for every word
    private readonly KeyFilter listedFilter = new(lexicon);

    public string Name => "words";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Tags;

    public Annotations Assigns => Annotations.Words;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var tokens = CollectionsMarshal.AsSpan(document.Tokens);
        var layer = CollectionsMarshal.AsSpan(document.Syntax);
        var words = document.Words;
        words.Clear();
        words.Capacity = Math.Max(words.Capacity, tokens.Length);
        var text = document.Text;
        var pool = KeyPool.Current; // a word seen before (in any document) costs no new string
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (; next < sentence.FirstToken; next++)
            {
                var lower = Fold(tokens[next].Span.Of(text), pool);
                words.Add(new WordReading(lower, lower));
            }

            // a boilerplate sentence (a byline, a caption) is skipped by every reader: its words keep their own form, as
            // the tokens outside sentences do
            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                var lower = Fold(tokens[i].Span.Of(text), pool);
                var lemma = sentence.Boilerplate || tokens[i].Kind != TokenKind.Word || i >= layer.Length ? lower : Reading(FoldLemma(layer[i].Lemma, lower), lower, sentence.Headline);
                words.Add(new WordReading(lower, lemma));
            }

            next = sentence.FirstToken + sentence.TokenCount;
        }

        for (; next < tokens.Length; next++)
        {
            var lower = Fold(tokens[next].Span.Of(text), pool);
            words.Add(new WordReading(lower, lower));
        }
    }

    /// <summary>
    /// The lemma the readers match on: always a word of the lexicon (the words the cue, pattern and modality tables
    /// list), an auxiliary's or particle's lemma ("be", "not"), or the word itself. The word when the lexicon lists it
    /// in this form ("citing", "talks"); else the layer's lemma when the lexicon lists it; else, for a word the tagger
    /// read as a noun or adjective ("shot", "promising", a headline's "Praises"), its verb lemma when the treebanks have
    /// the word as a verb form (<see cref="VerbForms"/>) and the lexicon lists that verb; in a headline, where every
    /// word is capitalised and read as a name, also the lemma the table's verb edits give a form the treebanks never
    /// saw ("Endorses"). A lemma no table lists would change no match and would make a plain noun look like an
    /// inflected verb to the clause rules.
    /// </summary>
    private string Reading(string lemma, string lower, bool headline)
    {
        var listed = Listed(lower);
        if (ReferenceEquals(lemma, lower) || listed)
        {
            return listed ? lower
                : VerbForms.LemmaOf(lower) is { } verb && Listed(verb) ? verb
                : headline && VerbForms.GuessedLemma(lower, lexicon.Contains) is { } guessed ? guessed
                : lower;
        }

        return Listed(lemma) || VerbForms.IsAuxiliary(lemma) ? lemma : VerbForms.LemmaOf(lower) is { } reading && Listed(reading) ? reading : lower;
    }

    /// <summary>True when the lexicon lists <paramref name="word"/>.</summary>
    private bool Listed(string word) => listedFilter.MayHold(KeyFilter.Hash(word)) && lexicon.Contains(word);

    /// <summary>The layer's lemma in the readers' spelling: lower case with straight apostrophes (proper nouns keep
    /// their case in the layer); the lower-case form itself when they are the same word, so nothing is copied.</summary>
    private static string FoldLemma(string lemma, string lower)
    {
        if (string.Equals(lemma, lower, StringComparison.Ordinal) || (lemma.Length == lower.Length && lemma.AsSpan().Equals(lower, StringComparison.OrdinalIgnoreCase)))
        {
            return lower; // a proper noun keeps its case in the layer ("Kabul"): the same word, not copied to fold it
        }

        foreach (var c in lemma)
        {
            if (char.IsUpper(c) || c is '’' or '‘')
            {
                var folded = Fold(lemma, null);
                return string.Equals(folded, lower, StringComparison.Ordinal) ? lower : folded;
            }
        }

        return lemma;
    }

    /// <summary>The word lower-cased with straight quotes; the <paramref name="pool"/>'s string when one is given.</summary>
    private static string Fold(ReadOnlySpan<char> word, KeyPool? pool)
    {
        if (word.Length == 1)
        {
            switch (word[0])
            {
                case '“' or '”' or '"' or '„' or '«' or '»':
                    return "\"";
                case '‘' or '’' or '\'':
                    return "'";
                case '—' or '–':
                    return "—";
                default:
                    break;
            }
        }

        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c);
        }

        return pool is null ? new string(buffer) : pool.Get(buffer);
    }
}
