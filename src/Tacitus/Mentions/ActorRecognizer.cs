using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;
using Tacitus.Pipeline;

namespace Tacitus.Mentions;

/// <summary>
/// Finds the actors a sentence names: countries and capital-city metonyms ("Moscow rejected"), nationality + role
/// ("Chinese officials" → CHN GOV), titled names ("French President Emmanuel Macron"), appositions ("Jane Roe, a
/// fellow at the Brookings Institution" → affiliation), organisations (dictionary or a capitalised name ending in
/// Ministry, Corp., Party…), and unknown people by name cues (honorific, title, apposition, speech verb, given name).
/// Later bare surnames of people already found become mentions too ("name-part"), and so do short forms of organisations
/// already found ("org-part": a bracketed acronym, a distinctive first word); coreference links them.
/// Every mention says which rule or dictionary entry gave it (<see cref="Mention.Rule"/>). Last, places and actors that cover
/// the same words are settled in one step (<see cref="MentionOverlaps"/>).
/// </summary>
internal sealed class ActorRecognizer : IPipelineStage
{
    private readonly KnowledgeBase knowledge;

    public ActorRecognizer(KnowledgeBase knowledge) => this.knowledge = knowledge;

    public string Name => "actors";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate | Annotations.Tags | Annotations.Names | Annotations.Places;

    public Annotations Assigns => Annotations.Actors;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var view = TokenKeys.Of(document, knowledge.Words);
        var date = document.Metadata.Published;
        var first = document.Mentions.Count;
        var pool = ChunkPool.ForThread; // each sentence's chunks are done with before the next sentence is chunked
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var chunks = Chunker.Chunk(document, sentence, view, knowledge, pool);
            var added = new SentenceReader(document, view, knowledge, date, sentence, chunks).Read();
            Appositions.Link(document, view, knowledge, sentence, added);
        }

        NameParts.Add(document, view, knowledge, first);
        OrgParts.Add(document, view, knowledge, first);
        MentionOverlaps.Settle(document);
    }
}
