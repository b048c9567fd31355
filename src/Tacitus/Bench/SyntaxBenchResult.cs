using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tacitus.Bench;

/// <summary>
/// The figures of <c>bench --stage syntax</c>: the corpus's size, the models' load time, the first pass and the warmed
/// passes (summed over <see cref="Repeat"/>), with tokens per second of processor time for each model and together.
/// </summary>
internal sealed record SyntaxBenchResult(int Documents, long Tokens, long Sentences, long Bytes, SyntaxPassTimes Load, SyntaxPassTimes FirstPass, SyntaxPassTimes Warmed, int Repeat, bool ProcessorTime)
{
    /// <summary>Tokens per second for <paramref name="nanoseconds"/> spent on <paramref name="passes"/> passes over the corpus.</summary>
    public double TokensPerSecond(long nanoseconds, int passes = 1) => nanoseconds > 0 ? Tokens * (double)passes * 1e9 / nanoseconds : 0;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var clock = ProcessorTime ? "processor time of the one working thread" : "wall time (no thread clock on this system)";
        var sb = new StringBuilder();
        sb.Append(c, $"Token layer on one thread: {Documents} documents, {Sentences} sentences, {Tokens} tokens, {Bytes / 1e6:F2} MB. ");
        sb.Append(c, $"Tokens/s of {clock}; the first pass also pays for compiling the code, warmed is the mean of {Repeat} passes after it.\n\n");
        sb.Append("| model | first pass tokens/s | first pass µs / token | warmed tokens/s | warmed µs / token |\n");
        sb.Append("|---|---:|---:|---:|---:|\n");
        Row("tagger", FirstPass.Tagger, Warmed.Tagger);
        Row("parser", FirstPass.Parser, Warmed.Parser);
        Row("lemmas and layer records", FirstPass.Layer, Warmed.Layer);
        Row("entities", FirstPass.Entities, Warmed.Entities);
        Row("**together**", FirstPass.Together, Warmed.Together);
        sb.Append(c, $"\nWall: first pass {FirstPass.Wall / 1e9:F2} s ({TokensPerSecond(FirstPass.Wall):F0} tokens/s), warmed {Warmed.Wall / 1e9 / Repeat:F2} s per pass ({TokensPerSecond(Warmed.Wall, Repeat):F0} tokens/s); wall above processor time is time the thread waited for a core. ");
        sb.Append(c, $"Loading the models: {Load.Entities / 1e9:F2} s of processor time, {Load.Wall / 1e9:F2} s wall. ");
        sb.Append(c, $"Allocated: {FirstPass.Allocated / (double)Tokens:F0} bytes per token on the first pass, {Warmed.Allocated / (double)Tokens / Repeat:F0} warmed (the layer's records).\n");
        return sb.ToString();

        void Row(string name, long first, long warmed) =>
            sb.Append(c, $"| {name} | {TokensPerSecond(first):F0} | {Micro(first, 1):F2} | {TokensPerSecond(warmed, Repeat):F0} | {Micro(warmed, Repeat):F2} |\n");

        double Micro(long nanoseconds, int passes) => Tokens > 0 ? nanoseconds / 1e3 / (Tokens * (double)passes) : 0;
    }

    public string ToJson()
    {
        var first = new Dictionary<string, double>
        {
            ["tagger"] = TokensPerSecond(FirstPass.Tagger),
            ["parser"] = TokensPerSecond(FirstPass.Parser),
            ["layer"] = TokensPerSecond(FirstPass.Layer),
            ["entities"] = TokensPerSecond(FirstPass.Entities),
            ["together"] = TokensPerSecond(FirstPass.Together),
        };
        var warmed = new Dictionary<string, double>
        {
            ["tagger"] = TokensPerSecond(Warmed.Tagger, Repeat),
            ["parser"] = TokensPerSecond(Warmed.Parser, Repeat),
            ["layer"] = TokensPerSecond(Warmed.Layer, Repeat),
            ["entities"] = TokensPerSecond(Warmed.Entities, Repeat),
            ["together"] = TokensPerSecond(Warmed.Together, Repeat),
        };
        return JsonSerializer.Serialize(new
        {
            stage = "syntax",
            documents = Documents,
            sentences = Sentences,
            tokens = Tokens,
            processor_time = ProcessorTime,
            repeat = Repeat,
            load_seconds = Load.Wall / 1e9,
            first_pass_tokens_per_second = first,
            warmed_tokens_per_second = warmed,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
