using System.Text;

namespace Tacitus.Store;

/// <summary>
/// Text the store wrote in UTF-8 itself (a JSON value), bound as TEXT by <see cref="NativeStatement"/> as it is: no
/// string made from the bytes only to be turned back into UTF-8 for SQLite. The bytes belong to the writer that made
/// them and hold until it writes again (SQLite copies what is bound).
/// </summary>
internal sealed class Utf8Text(ReadOnlyMemory<byte> bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>The text as a string.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Bytes.Span);
}
