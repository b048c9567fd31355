using BenchmarkDotNet.Attributes;
using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Bench;

/// <summary>
/// Segmentation (paragraphs, sentences, tokens) and boilerplate marking of one ~5 KB made-up wire story.
/// Run: <c>dotnet run -c Release --project bench/Tacitus.Bench -- --filter *Segmentation*</c>.
/// Both benchmarks include building the <see cref="Document"/> (its content hash), as the pipeline does.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private const string Paragraphs =
        "Port workers in Valmora ended a nine-day strike on Tuesday after the harbor authority agreed to raise wages by 6.5%, union leaders said, clearing the way for about 40 container ships to unload before the weekend.\n\n" +
        "The deal, reached after talks that ran past 2 a.m. Tuesday, covers about 4,000 dock workers at the Valmora and Nerin terminals. Shipping lines said traffic would return to normal by Friday. “Nobody wins a long strike,” the authority’s chairman, Elena Duarte, told reporters. “We lost money, they lost wages, and the country lost trust.”\n\n" +
        "Mr. Alvarez, a former U.S. ambassador who mediated the talks, said the agreement — the first in the port’s 60-year history reached without a court order — could serve as a model for other harbors. He met both sides at the offices of Acme Logistics Corp. in the old customs house.\n\n" +
        "The strike had cost the economy an estimated $1.2 billion, according to the Chamber of Commerce, and pushed up food prices by 3.2% in Jan. alone. Retailers in the capital reported empty shelves... Some shops closed early. Gen. Ortiz, who commands the coast guard, said his units had escorted 12 ships carrying medicine since the walkout began.\n\n" +
        "Union leader Tomas Rell said members would vote on the deal on Sept. 5 at 9 a.m. The vote is expected to pass. “Are we happy?” he asked. “We are relieved. The fight for safer cranes goes on.”\n\n" +
        "Economists were cautious. “The 6.5% rise is above inflation, but the port still needs investment,” said Ana Beck, an analyst at Meridian Capital Inc. in Nerin. She said dredging of the main channel, promised in 2019, has not begun, and that larger ships now call at rival ports in the U.S. and Asia.\n\n" +
        "The harbor authority said it would pay for the increase with higher berthing fees from March. Shipping lines, including Coastal Freight Co., said they would study the new tariff before deciding whether to pass costs on to customers. Dr. Lena Park of the University of Valmora said the fees were “modest by regional standards.”\n\n" +
        "Talks on a second agreement, covering pensions and night-shift pay, are due to begin in the spring. Both sides said they hoped to avoid another walkout. The government, which had threatened to send in the army, welcomed the deal in a brief statement late on Tuesday.\n\n";

    private const string Story =
        "• Harbor Wire\n\n\nDock strike ends in Valmora\n\n" + Paragraphs + Paragraphs +
        "Reporting by Tomas Rell; Editing by Ana Beck\n\n" +
        "Independent journalism has never been more important.\nBy subscribing, you help us keep reporters on the waterfront.";

    private readonly SentenceSegmenter segmenter = new();
    private readonly BoilerplateMarker boilerplate = new();

    [Benchmark]
    public int Segment()
    {
        var document = new Document(Story, new DocumentMetadata());
        segmenter.Process(document, CancellationToken.None);
        return document.Tokens.Count;
    }

    [Benchmark]
    public int SegmentAndMarkBoilerplate()
    {
        var document = new Document(Story, new DocumentMetadata());
        segmenter.Process(document, CancellationToken.None);
        boilerplate.Process(document, CancellationToken.None);
        return document.Sentences.Count;
    }
}
