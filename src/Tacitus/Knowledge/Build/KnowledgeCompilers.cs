namespace Tacitus.Knowledge.Build;

/// <summary>Every knowledge compiler, in the order `tacitus knowledge build` runs them.</summary>
internal static class KnowledgeCompilers
{
    public static IReadOnlyList<IKnowledgeCompiler> All { get; } =
    [
        // one line per compiler
        new PlaceTableCompiler(),
        new CountryCompiler(),
        new ActorCompiler(),
        new RoleCompiler(),
        new WordCompiler(),
        new PetrarchCompiler(),
    ];
}
