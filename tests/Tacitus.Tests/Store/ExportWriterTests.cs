using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

/// <summary>Loads every export format with a real reader (Parquet.Net; DuckDB for Parquet, JSON Lines and CSV, which types CSV columns itself) and checks the column types.</summary>
public sealed class ExportWriterTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();
    private readonly string folder = Directory.CreateTempSubdirectory("tacitus-export-").FullName;

    public ExportWriterTests()
    {
        var document = StoreFixtures.Plain("Police arrested 40 protesters in the capital during the week, the ministry said.", "Week of arrests", "week.txt");
        document.Metadata = document.Metadata with { Outlet = "Harbour Herald", Url = "https://herald.example/arrests", Published = new DateOnly(2016, 9, 20) };
        var at = document.Text.IndexOf("arrested", StringComparison.Ordinal);
        document.Events.Add(new EventRecord
        {
            Event = PloverType.Coerce,
            Mode = "arrest",
            Cameo = CameoCode.From("0831"),
            Score = -7.5,
            Actor = new ActorRef { Text = "Police", Country = CountryCode.From("TUR"), Sector = Sector.From("COP") },
            Recipient = new ActorRef { Text = "protesters", Sector = Sector.From("OPP") },
            Date = new EventDate("during the week", "2016-W37", "explicit"),
            Location = new EventLocation { Text = "the capital", Name = "Ankara", Country = CountryCode.From("TUR"), Lat = 39.91987, Lon = 32.85427, GeoNamesId = 323786 },
            Modality = new Modality { Denied = true },
            Confidence = 0.75,
            Evidence = document.Sentences[0].Span,
            Trigger = new TextSpan(at, at + "arrested".Length),
        });
        using var store = DocumentStore.Open(db);
        store.Save(document);
    }

    public void Dispose()
    {
        StoreFixtures.DeleteDb(db);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task WriteParquet_ReadBackWithParquetNet_TypedColumns()
    {
        var path = await Write("parquet");
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        Assert.Equal(ExportColumns.Events.Select(c => c.Name), reader.Schema.GetDataFields().Select(f => f.Name));
        Assert.Contains(fields["cameo"].ClrType, new[] { typeof(string), typeof(ReadOnlyMemory<char>) }); // a UTF-8 string column
        Assert.Equal(typeof(double), fields["location_lat"].ClrType);
        Assert.Equal(typeof(long), fields["location_geonames_id"].ClrType);
        Assert.Equal(typeof(bool), fields["denied"].ClrType);
        Assert.Equal(typeof(DateOnly), fields["date_start"].ClrType);

        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(1, group.RowCount);
        var cameo = new string?[1];
        await group.ReadAsync(fields["cameo"], cameo.AsMemory());
        var start = new DateOnly?[1];
        await group.ReadAsync<DateOnly>(fields["date_start"], start.AsMemory());
        var end = new DateOnly?[1];
        await group.ReadAsync<DateOnly>(fields["date_end"], end.AsMemory());
        var lat = new double?[1];
        await group.ReadAsync<double>(fields["location_lat"], lat.AsMemory());
        var recipientCountry = new string?[1];
        await group.ReadAsync(fields["recipient_country"], recipientCountry.AsMemory());
        Assert.Equal("0831", cameo[0]);
        Assert.Equal((new DateOnly(2016, 9, 12), new DateOnly(2016, 9, 18)), (start[0], end[0]));
        Assert.Equal(39.91987, lat[0]);
        Assert.Null(recipientCountry[0]);
    }

    [Theory]
    [InlineData("parquet", "read_parquet")]
    [InlineData("jsonl", "read_json_auto")]
    [InlineData("csv", "read_csv_auto")]
    public async Task Write_LoadedByDuckDb_ColumnTypesAsDocumented(string format, string function)
    {
        var path = await Write(format);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {function}('{path}')";
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                types[r.GetString(0)] = r.GetString(1);
            }
        }

        Assert.Equal("VARCHAR", types["cameo"]);
        Assert.Equal("DATE", types["date_start"]);
        Assert.Equal("DOUBLE", types["location_lat"]);
        Assert.Equal("BOOLEAN", types["denied"]);
        Assert.Equal("BIGINT", types["location_geonames_id"]);
        command.CommandText = $"SELECT cameo, date_end, location_geonames_id FROM {function}('{path}')";
        using var row = command.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("0831", row.GetString(0));
        Assert.Equal(new DateOnly(2016, 9, 18), DateOnly.FromDateTime(row.GetDateTime(1)));
        Assert.Equal(323786L, row.GetInt64(2));
    }

    [Fact]
    public void Columns_EveryOne_DocumentedInExportMd()
    {
        var doc = File.ReadAllText(Path.Combine(Knowledge.Build.KnowledgeBuildTests.Repository!, "docs", "EXPORT.md"));

        foreach (var name in ExportColumns.Events.Select(c => c.Name).Concat(ExportColumns.Documents.Select(c => c.Name)))
        {
            Assert.Contains($"`{name}`", doc, StringComparison.Ordinal);
        }
    }

    private async Task<string> Write(string format)
    {
        var path = Path.Combine(folder, "events." + format);
        using var store = DocumentStore.Open(db, create: false);
        await using var stream = File.Create(path);
        var rows = format switch
        {
            "parquet" => await ExportWriter.WriteParquetAsync(stream, store.Events(), ExportColumns.Events),
            "csv" => ExportWriter.WriteCsv(stream, store.Events(), ExportColumns.Events),
            _ => ExportWriter.WriteJsonLines(stream, store.Events(), ExportColumns.Events),
        };
        Assert.Equal(1, rows);
        return path;
    }
}
