namespace Tacitus.Eval.Tasks;

/// <summary>What to evaluate: the gold file or folder, where its texts are (brat), and how many documents at most.</summary>
internal sealed record EvalRequest(string Gold, string? Texts = null, int? Limit = null);
