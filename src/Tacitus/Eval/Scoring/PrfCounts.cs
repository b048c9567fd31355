using System.Globalization;

namespace Tacitus.Eval.Scoring;

/// <summary>Counts for precision, recall and F1: true positives, false positives (spurious) and false negatives (missed).</summary>
internal readonly record struct PrfCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Gold => TruePositives + FalseNegatives;

    public int System => TruePositives + FalsePositives;

    public double Precision => System == 0 ? 0 : (double)TruePositives / System;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrfCounts operator +(PrfCounts a, PrfCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public PrfCounts Add(PrfCounts other) => this + other;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P {Precision:F3} R {Recall:F3} F1 {F1:F3} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
}

/// <summary>Correct out of total.</summary>
internal readonly record struct Accuracy(int Correct, int Total)
{
    public double Value => Total == 0 ? 0 : (double)Correct / Total;

    public static Accuracy operator +(Accuracy a, Accuracy b) => new(a.Correct + b.Correct, a.Total + b.Total);

    public Accuracy Add(Accuracy other) => this + other;

    public Accuracy Count(bool correct) => new(Correct + (correct ? 1 : 0), Total + 1);
}
