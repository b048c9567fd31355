using Tacitus.Documents;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// A beam was asked of a parser that searches greedily only (the non-monotonic arc-eager system): the user's choice of
/// options, not a fault, so <c>parse</c> and <c>eval syntax</c> catch this and nothing broader. <see cref="Error"/> is
/// <see cref="Code"/>.
/// </summary>
internal sealed class BeamRefusedException : Exception
{
    /// <summary>A beam the parser model cannot search.</summary>
    public const string Code = "TAC625";

    public BeamRefusedException(int width)
        : this(new TacitusError(Code, "syntax", $"the non-monotonic arc-eager parser searches greedily only, not with a beam of {width}: leave out --beam (or give 1)"))
    {
    }

    private BeamRefusedException(TacitusError error)
        : base(error.ToString()) => Error = error;

    public TacitusError Error { get; }
}
