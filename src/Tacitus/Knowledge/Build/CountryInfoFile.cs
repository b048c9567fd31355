namespace Tacitus.Knowledge.Build;

/// <summary>The parts of Schrodt's CountryInfo file the compilers use: codes, name, nationality adjectives, capitals.</summary>
internal sealed record CountryInfoBlock(string Code, string Name, string CowNumeric, IReadOnlyList<string> Nationality, IReadOnlyList<string> Capitals);

/// <summary>Reads CountryInfo.txt ("almost XML": tags on their own lines, one entry a line, '#' comments) line by line.</summary>
internal static class CountryInfoFile
{
    public static List<CountryInfoBlock> Read(string path)
    {
        var result = new List<CountryInfoBlock>();
        string? code = null, name = null, cow = null, section = null;
        var nationality = new List<string>();
        var capitals = new List<string>();
        var inComment = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            if (inComment)
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash].Trim();
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (line == "<Country>")
            {
                code = name = cow = section = null;
                nationality = [];
                capitals = [];
                continue;
            }

            if (line == "</Country>")
            {
                if (code is not null && name is not null)
                {
                    result.Add(new CountryInfoBlock(code, name, cow ?? "000", nationality, capitals));
                }

                continue;
            }

            if (TryInline(line, "CountryCode", out var v))
            {
                code = v;
            }
            else if (TryInline(line, "CountryName", out v))
            {
                name = v;
            }
            else if (TryInline(line, "COW-Numeric", out v))
            {
                cow = v;
            }
            else if (line.StartsWith("</", StringComparison.Ordinal))
            {
                section = null;
            }
            else if (line.StartsWith('<') && line.EndsWith('>'))
            {
                section ??= line[1..^1];
            }
            else if (section == "Nationality")
            {
                nationality.Add(line);
            }
            else if (section == "Capital")
            {
                capitals.Add(line);
            }
        }

        return result;
    }

    private static bool TryInline(string line, string tag, out string value)
    {
        var open = $"<{tag}>";
        var close = $"</{tag}>";
        if (line.StartsWith(open, StringComparison.Ordinal) && line.EndsWith(close, StringComparison.Ordinal))
        {
            value = line[open.Length..^close.Length].Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }
}
