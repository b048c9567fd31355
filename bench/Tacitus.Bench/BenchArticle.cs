namespace Tacitus.Bench;

/// <summary>A news-style article written for the benchmarks: attributions, relative dates, places, quantities, a denial, boilerplate.</summary>
internal static class BenchArticle
{
    public static readonly DateOnly Published = new(2021, 3, 10);

    public const string Text = """
        • Harbor Wire

        Ghana’s President met Togo’s foreign minister in Accra on Tuesday to discuss reopening border crossings closed since March, the Ghana News Agency reported, citing unnamed officials.

        The two sides agreed to set up a joint commission that will meet again in May, the agency said. Trucks carrying cocoa and cement have waited for up to 36 hours at the Aflao crossing, about 190 kilometers (118 miles) east of the capital.

        Togo has denied that it closed the border to put pressure on its neighbor. “Our decision was taken for health reasons and nothing else,” a government spokesman told reporters in Lomé on Monday.

        Traders in Lomé said they had lost about $2 million in sales since the closure. The World Bank warned last week that regional trade could shrink by 4% this year if the crossings stay shut.

        Police in Accra arrested three men on Wednesday after a protest outside the Togolese embassy turned violent, according to a police statement. No one was seriously hurt.

        Nigeria’s foreign ministry urged both governments to settle the dispute quickly and offered to host talks in Abuja next month.

        Subscribe today to keep reading. Share this story with a friend.
        """;
}
