using Tacitus.Documents;

namespace Tacitus.Events.Tree;

/// <summary>
/// One sentence's dependency tree read from <see cref="Document.Syntax"/>, indexed by sentence-local position:
/// words in upper case (as the dictionaries write them), lemmas, tags, heads (-1 for the root), relations without
/// subtype and children. Built once per sentence by the tree coder.
/// </summary>
internal sealed class DependencyTree
{
    private readonly List<int>[] children;

    public DependencyTree(Document document, Sentence sentence)
    {
        var tokens = document.TokensOf(sentence);
        var syntax = document.SyntaxOf(sentence);
        Count = syntax.Length;
        First = sentence.FirstToken;
        Words = new string[Count];
        Lemmas = new string[Count];
        Upos = new string[Count];
        Heads = new int[Count];
        Relations = new string[Count];
        Subtypes = new string[Count];
        children = new List<int>[Count];
        Facts = document.Mentions.Count > 0 || document.Names.Count > 0 ? SentenceFacts.Of(document, sentence) : SentenceFacts.None(Count);
        for (var i = 0; i < Count; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < Count; i++)
        {
            Words[i] = document.Slice(tokens[i].Span).ToString().ToUpperInvariant();
            Lemmas[i] = syntax[i].Lemma.ToUpperInvariant();
            Upos[i] = syntax[i].Upos;
            var head = syntax[i].Head < 0 ? -1 : syntax[i].Head - First;
            Heads[i] = head >= 0 && head < Count ? head : -1;
            var relation = Fold(syntax[i].Relation);
            var colon = relation.IndexOf(':', StringComparison.Ordinal);
            Relations[i] = colon < 0 ? relation : relation[..colon];
            Subtypes[i] = relation;
            if (Heads[i] >= 0)
            {
                children[Heads[i]].Add(i);
            }
        }
    }

    public int Count { get; }

    /// <summary>What the mention stages and the entity recogniser found on each word.</summary>
    public SentenceFacts Facts { get; }

    /// <summary>Document index of the sentence's first token.</summary>
    public int First { get; }

    public string[] Words { get; }

    public string[] Lemmas { get; }

    public string[] Upos { get; }

    public int[] Heads { get; }

    /// <summary>The relation without its subtype ("nsubj" for "nsubj:pass"), UD v1 names folded into v2 ("dobj" → "obj").</summary>
    public string[] Relations { get; }

    /// <summary>The relation with its subtype ("nsubj:pass", "nmod:poss"), UD v1 names folded into v2.</summary>
    public string[] Subtypes { get; }

    public IReadOnlyList<int> Children(int i) => children[i];

    /// <summary>The relation of <paramref name="i"/> with its subtype ("nsubj:pass").</summary>
    public string Role(int i) => Subtypes[i];

    /// <summary>UD v1 relation names folded into v2 (dobj → obj, nsubjpass → nsubj:pass, neg → advmod, name → flat).</summary>
    private static string Fold(string relation) => relation switch
    {
        "name" => "flat",
        "mwe" => "fixed",
        "dobj" => "obj",
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "auxpass" => "aux:pass",
        "neg" => "advmod",
        var r => r,
    };

    /// <summary>Children of <paramref name="i"/> whose relation (folded as <see cref="Role"/>) is one of <paramref name="roles"/>.</summary>
    public IEnumerable<int> ChildrenWith(int i, params string[] roles) => children[i].Where(c => roles.Contains(Role(c)) || roles.Contains(Relations[c]));

    /// <summary>The tokens under <paramref name="i"/> (itself included), in sentence order, leaving out branches <paramref name="stop"/> rejects.</summary>
    public List<int> Subtree(int i, Func<int, bool>? stop = null)
    {
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(i);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            result.Add(n);
            foreach (var c in children[n])
            {
                if (stop is null || !stop(c))
                {
                    stack.Push(c);
                }
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>The preposition or case marker of a nominal ("WITH" for "with Gondor"), or null.</summary>
    public string? CaseOf(int i) => children[i].Where(c => Relations[c] is "case" or "mark").Select(c => Words[c]).FirstOrDefault();

    public bool IsPassive(int verb) =>
        children[verb].Any(c => Role(c) is "nsubj:pass" or "aux:pass" or "csubj:pass");
}
