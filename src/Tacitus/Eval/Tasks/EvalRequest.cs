namespace Tacitus.Eval.Tasks;

/// <summary>What to evaluate: the gold file or folder, where its texts are (brat), and how many documents at most.</summary>
/// <param name="Split">Treebank split for "syntax" (test, dev); null = test.</param>
/// <param name="Models">Folder of token-layer models to use instead of the embedded ones (after <c>tacitus train</c>).</param>
/// <param name="Beam">The parser's beam for "syntax" instead of the one its model was trained for (1: greedy).</param>
internal sealed record EvalRequest(string Gold, string? Texts = null, int? Limit = null, string? Split = null, string? Models = null, int? Beam = null, float? BeamMargin = null);
