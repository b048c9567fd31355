using Tacitus.Text;
namespace Tacitus.Tests.Text;
public sealed class RequiredLiteralsDumpTests
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var r in BoilerplateRules.Default)
        {
            var f = r.Filter;
            lines.Add($"{r.Name}\t{(f is null ? "NONE" : (f.AtStart ? "START " : "ANY ") + string.Join("|", f.Literals))}");
        }
        File.WriteAllLines("/tmp/s14hot/filters.txt", lines);
    }
}
