using System.Runtime.CompilerServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// Where a read-back perceptron's row of weights is, as the payload of its feature in the <see cref="RowIndex"/>
/// (never 0). A short row is "sparse": its non-zero weights, class by class, in the model's entry table. A long row
/// (most classes of a frequent feature) is "dense": one weight per class, zeros included, in the model's weight table,
/// added to the scores a vector at a time. Payload 0 (no row) reads as a sparse row of no weights.
/// </summary>
internal static class PackedRow
{
    /// <summary>Rows with at least this many weights are dense.</summary>
    public const int DenseFrom = 8;

    private const ulong SparseKind = 1;
    private const ulong DenseKind = 2;

    public static ulong Sparse(int start, int count) => SparseKind | ((ulong)(uint)count << 2) | ((ulong)(uint)start << 32);

    public static ulong Dense(int start) => DenseKind | ((ulong)(uint)start << 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDense(ulong payload) => (payload & DenseKind) != 0;

    /// <summary>Where the row starts: an index into the entry table (sparse) or the weight table (dense).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Start(ulong payload) => (int)(payload >> 32);

    /// <summary>The number of entries of a sparse row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ulong payload) => (int)((payload >> 2) & 0xFFFF);
}
