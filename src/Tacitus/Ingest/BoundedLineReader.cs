namespace Tacitus.Ingest;

/// <summary>
/// Reads lines from a text reader without ever holding more than a limit of one line: a longer line is passed over
/// (read through to its end, not kept) and reported as too long, so a gigabyte line costs a buffer, not a gigabyte.
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as with <see cref="TextReader.ReadLine"/>.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, long maxChars)
{
    private readonly char[] buffer = new char[16 * 1024];
    private readonly System.Text.StringBuilder line = new();
    private int position;
    private int length;

    /// <summary>A line as it was read; <see cref="Length"/> counts every character, kept or not.</summary>
    internal readonly record struct Line(string? Text, long Length)
    {
        public bool TooLong => Text is null;
    }

    /// <summary>The next line, or null at the end of the input.</summary>
    public Line? Next()
    {
        line.Clear();
        long count = 0;
        var any = false;
        while (true)
        {
            if (position == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length == 0)
                {
                    return any ? Finish(count) : null;
                }
            }

            any = true;
            var span = buffer.AsSpan(position, length - position);
            var end = span.IndexOfAny('\n', '\r');
            var take = end < 0 ? span : span[..end];
            count += take.Length;
            if (count <= maxChars)
            {
                line.Append(take);
            }

            if (end < 0)
            {
                position = length;
                continue;
            }

            position += end + 1;
            if (span[end] == '\r')
            {
                SkipLineFeed();
            }

            return Finish(count);
        }
    }

    private Line Finish(long count) => new(count <= maxChars ? line.ToString() : null, count);

    /// <summary>After a <c>\r</c>: a following <c>\n</c> belongs to the same line end.</summary>
    private void SkipLineFeed()
    {
        if (position == length)
        {
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
        }

        if (position < length && buffer[position] == '\n')
        {
            position++;
        }
    }
}
