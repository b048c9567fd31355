using Tacitus.Documents;

namespace Tacitus.Server.Stories;

/// <summary>One report behind a fused event: its document, sentence, evidence, attribution chain and modality.</summary>
internal sealed record FusedReport(StoryDocument Document, int? Sentence, string Evidence, string? Attribution, Modality Modality);
