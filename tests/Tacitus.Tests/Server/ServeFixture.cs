using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Server;
using Tacitus.Server.Stories;
using Tacitus.Store;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Server;

/// <summary>
/// The demo store (the example stories that ship in examples/, analysed and stored once per test run) and a
/// hand-written story over two of its documents, shared by the API and browser tests.
/// </summary>
public sealed class ServeFixture : IDisposable
{
    public const string Token = "test-token-7f3a";

    public ServeFixture()
    {
        DbPath = StoreFixtures.TempDb();
        var examples = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        using var store = DocumentStore.Open(DbPath);
        new StoreIngestion(store, PipelineFactory.Create(), workers: 1).Run(DocumentSources.Read(examples, IngestOptions.Default));
        Documents = store.List().ToList();
        EventCount = store.Events().Count();
        Stories = HandStories.Over(Documents);
    }

    public string DbPath { get; }

    internal IReadOnlyList<StoredDocumentSummary> Documents { get; }

    public int EventCount { get; }

    internal IStoryReader Stories { get; }

    internal ServeOptions Options(string? token = Token) => new() { DbPath = DbPath, Port = 0, Token = token };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        StoreFixtures.DeleteDb(DbPath);
    }
}

[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "serve";
}
