namespace Tacitus.Knowledge.Build;

/// <summary>
/// Compiles one knowledge table from public sources (see data/NOTICE.md) plus the project's hand-kept tables in
/// data/, into a compact file in data/compiled/ that the library embeds and loads.
/// </summary>
internal interface IKnowledgeCompiler
{
    /// <summary>Short name, e.g. "countries", "places", "actors".</summary>
    string Name { get; }

    /// <summary>The compilers whose output in data/compiled/ this one reads (built before it, rebuilt with it).</summary>
    IReadOnlyList<string> Reads { get; }

    /// <summary>Reads the sources and writes the compiled file(s); returns one line saying what was written.</summary>
    /// <param name="sourceDirectory">The folder of public knowledge sources (../shared/data/knowledge).</param>
    /// <param name="dataDirectory">The repository's data/ folder (hand-kept tables; output goes to data/compiled/).</param>
    string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken);
}
