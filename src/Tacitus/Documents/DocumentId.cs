using System.Security.Cryptography;
using System.Text;

namespace Tacitus.Documents;

/// <summary>
/// A document's identity: the first 16 bytes of the SHA-256 of its normalised text, as 32 hex digits.
/// Keying by content makes ingesting the same article twice store it once.
/// </summary>
public readonly record struct DocumentId
{
    private DocumentId(string value) => Value = value;

    public string Value { get; }

    public static DocumentId FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return new DocumentId(Convert.ToHexStringLower(hash[..16]));
    }

    public static ParseResult<DocumentId> Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length != 32 || !value.All(char.IsAsciiHexDigitLower))
        {
            return ParseResult<DocumentId>.Fail($"'{value}' is not a document id (32 lower-case hex digits)");
        }

        return ParseResult<DocumentId>.Ok(new DocumentId(value));
    }

    public override string ToString() => Value;
}
