using System.Runtime.CompilerServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// A slot of a read-back perceptron's feature table (<see cref="AveragedPerceptron.Read"/>): the feature's key (0 =
/// empty slot) and where its row of weights is. A short row is "sparse": its non-zero weights, class by class, in the
/// model's entry table. A long row (most classes of a frequent feature) is "dense": one weight per class, zeros
/// included, in the model's weight table, added to the scores a vector at a time.
/// </summary>
internal readonly record struct PackedRow(ulong Key, ulong Payload)
{
    /// <summary>Rows with at least this many weights are dense.</summary>
    public const int DenseFrom = 8;

    private const ulong SparseKind = 1;
    private const ulong DenseKind = 2;

    public static PackedRow Sparse(ulong key, int start, int count) =>
        new(key, SparseKind | ((ulong)(uint)count << 2) | ((ulong)(uint)start << 32));

    public static PackedRow Dense(ulong key, int start) => new(key, DenseKind | ((ulong)(uint)start << 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDense(ulong payload) => (payload & DenseKind) != 0;

    /// <summary>Where the row starts: an index into the entry table (sparse) or the weight table (dense).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Start(ulong payload) => (int)(payload >> 32);

    /// <summary>The number of entries of a sparse row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ulong payload) => (int)((payload >> 2) & 0xFFFF);
}
