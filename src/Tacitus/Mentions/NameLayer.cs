using Tacitus.Documents;

namespace Tacitus.Mentions;

/// <summary>
/// What the token layer says of a capitalised word the actor rules might read as part of a name: the entity recogniser
/// put it inside a name (<see cref="Document.Names"/>), or the tagger read it as a proper noun. A capital letter alone
/// makes no name ("Shares of ...", a headline's words): the chunker starts or extends an unknown name only on a word the
/// layer reads as one.
/// </summary>
internal static class NameLayer
{
    /// <summary>True when token <paramref name="token"/> lies inside a recognised name or is tagged PROPN.</summary>
    public static bool ReadsAsName(Document document, int token)
    {
        if (token < document.Syntax.Count && document.Syntax[token].Upos == "PROPN")
        {
            return true;
        }

        var names = document.Names;
        int lo = 0, hi = names.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var name = names[mid];
            if (token < name.FirstToken)
            {
                hi = mid - 1;
            }
            else if (token >= name.FirstToken + name.TokenCount)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
