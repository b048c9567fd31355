using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class BoilerplateGateTests
{
    /// <summary>Lines of made-up news and boilerplate, with forms the rules name, in several cases and places.</summary>
    private static readonly string[] Lines =
    [
        "Port workers in Valmora ended a nine-day strike on Tuesday, union leaders said.",
        "The deal covers about 4,000 dock workers and was reached after midnight.",
        "Shipping lines said traffic would return to normal by Friday.",
        "“Nobody wins a long strike,” she told reporters.",
        "Reporting by Tomas Rell; Editing by Ana Beck",
        "REPORTING BY TOMAS RELL",
        "Independent journalism has never been more important.",
        "By subscribing, you help us keep reporters on the waterfront.",
        "Follow us on Twitter for live updates.",
        "follow @harborwire",
        "Copyright © 2024 Harbor Wire. All rights reserved.",
        "© Harbor Wire",
        "Share this article",
        "SHARE ON FACEBOOK",
        "Click here to read the full report.",
        "Clic\u212A here to read the full report.",
        "Read more: Port strike ends",
        "Watch: the port at dawn",
        "Photo: Harbor Wire",
        "Photo credit: Harbor Wire",
        "Contact the author at jane@example.com.",
        "This story has been updated with comment from the union.",
        "By Jane Roe and Tomas Rell",
        "• Harbor Wire",
        "— Coastal Press",
        "VALMORA (Harbor Wire) — The port reopened on Friday.",
        "Subscribe to our newsletter.",
        "For more, sign up for our weekly newsletter.",
        "A subscription helps us fund independent reporting.",
        "Our journalism depends on readers like you.",
        "Please donate today to keep our newsroom open.",
        "Your support helps us stay independent.",
        "Netflix added 8.8 million subscribers in the quarter, the company said.",
        "The broadcaster asked viewers to share the video with police.",
        "By Tuesday, the rebels had withdrawn from the town.",
        "The chef José Andrés criticised the plan.",
        "",
    ];

    [Fact]
    public void Mark_ShippedRulesOverManyLines_EveryRuleThatMatchesIsACandidate()
    {
        var rules = BoilerplateRules.Default;
        var gate = new BoilerplateGate(rules);
        var candidates = new bool[rules.Count];
        var matched = 0;
        foreach (var line in Lines)
        {
            Array.Clear(candidates);
            gate.Mark(line, candidates);
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].Pattern.IsMatch(line))
                {
                    matched++;
                    Assert.True(candidates[i], $"rule {i} ({rules[i].Name}) matches \"{line}\" but was not a candidate");
                }
            }
        }

        Assert.True(matched >= 30, $"only {matched} matches: the lines no longer exercise the rules");
    }

    [Theory]
    [InlineData("Port workers in Valmora ended a nine-day strike on Tuesday, union leaders said.")]
    [InlineData("The deal covers about 4,000 dock workers and was reached after midnight.")]
    [InlineData("Shipping lines said traffic would return to normal by Friday.")]
    public void Mark_NewsSentence_NoRuleIsACandidate(string line)
    {
        var rules = BoilerplateRules.Default;
        var candidates = new bool[rules.Count];
        new BoilerplateGate(rules).Mark(line, candidates);
        Assert.DoesNotContain(true, candidates);
    }

    [Fact]
    public void Filter_MultilinePattern_NoneAsCaretMeansEveryLine()
    {
        var rule = new BoilerplateRule("watch", BoilerplateScope.Any, new System.Text.RegularExpressions.Regex("^watch:", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Null(rule.Filter);
        Assert.NotNull(new BoilerplateRule("watch", BoilerplateScope.Any, new System.Text.RegularExpressions.Regex("^watch:")).Filter);
    }

    [Fact]
    public void Mark_RuleWithoutLiterals_AlwaysACandidate()
    {
        var parsed = BoilerplateRules.Parse(new StringReader("plain\tany\t\\w+\\s*$\nclick\tany\t\\bclick here\\b"), "rules.tsv");
        Assert.True(parsed.Success);
        var candidates = new bool[2];
        new BoilerplateGate(parsed.Value).Mark("The port reopened.", candidates);
        Assert.Equal([true, false], candidates);
    }
}
