using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Eval;

/// <summary>One table of figures: a title, column heads and rows of already-formatted cells.</summary>
internal sealed record EvalTable(string Title, IReadOnlyList<string> Columns)
{
    public List<IReadOnlyList<string>> Rows { get; } = [];

    public EvalTable Row(params string[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>One thing the analysis got wrong, with what the gold said, what the analysis said, and the text around it.</summary>
internal sealed record EvalMiss(string Document, string Kind, string Gold, string Output, string Text);

/// <summary>The result of one evaluation task: tables, headline figures (for JSON and the docs), errors and gold problems.</summary>
internal sealed class EvalReport
{
    public EvalReport(string task, string gold)
    {
        Task = task;
        Gold = gold;
    }

    public string Task { get; }

    /// <summary>The gold file or folder read.</summary>
    public string Gold { get; }

    public int Documents { get; set; }

    public List<EvalTable> Tables { get; } = [];

    /// <summary>Headline figures by name ("type_accuracy", "value_f1"), as fractions or plain numbers.</summary>
    public Dictionary<string, double> Figures { get; } = [];

    /// <summary>How the numbers were computed, and anything the reader should know (mappings, skipped records).</summary>
    public List<string> Notes { get; } = [];

    public List<EvalMiss> Misses { get; } = [];

    /// <summary>Gold records that could not be read (they are left out, and the rest scored).</summary>
    public List<TacitusError> GoldProblems { get; } = [];

    public static string Pct(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    public static string Num(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
