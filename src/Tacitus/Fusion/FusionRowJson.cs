using System.Text.Json.Serialization;

namespace Tacitus.Fusion;

/// <summary>A figure as a report row keeps it (fused_reports.figures).</summary>
internal sealed record FigureRow(string Kind, double Value, string? Qualifier, string Unit, int Mention);

/// <summary>An ordinal claim as a report row keeps it (fused_reports.claims).</summary>
internal sealed record ClaimRow(int Ordinal, string Noun, string Type, string Text, string? Since);

/// <summary>JSON for the fusion tables' structured columns: source-generated, snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<FigureRow>))]
[JsonSerializable(typeof(List<ClaimRow>))]
[JsonSerializable(typeof(string[][]))]
internal sealed partial class FusionRowJson : JsonSerializerContext;
