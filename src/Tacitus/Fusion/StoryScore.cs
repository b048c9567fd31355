namespace Tacitus.Fusion;

/// <summary>A candidate story for a document: the dot product of their weights and the story's squared norm.</summary>
internal readonly record struct StoryScore(long Story, double Dot, double Norm2);
