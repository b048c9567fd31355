namespace Tacitus.Pipeline;

/// <summary>The one place where the analysis pipeline is put together, in order.</summary>
public static class PipelineFactory
{
    public static AnalysisPipeline Create(PipelineOptions? options = null)
    {
        options ??= PipelineOptions.Default;
        var stages = new List<IPipelineStage>();
        var errors = new List<Documents.TacitusError>();

        // text
        stages.Add(new Text.SentenceSegmenter());
        stages.Add(new Text.BoilerplateMarker());

        if (!options.TextOnly)
        {
            // the token layer: tags, lemmas and shapes in every analysis (the entity recogniser reads the tags); the
            // dependency trees only for the coders that read them, so a default analysis does not pay for the parser
            stages.Add(new Syntax.TokenTagger());
            var tree = options.Coder != EventCoderChoice.Rules;
            if (tree)
            {
                stages.Add(new Syntax.SyntaxAnnotator());
            }

            // the rule readers' reading of each token (folded form, lemma kept to the words their tables list), once
            var patterns = LoadPatterns(options.EventPatternFiles, options.NoShipped, errors);
            stages.Add(WordReaderFor(patterns));

            // names (trained recogniser) → mentions → entities → attribution → events
            stages.Add(new Syntax.Entities.EntityRecognizer());
            stages.Add(new Mentions.PlaceRecognizer());
            var knowledge = Knowledge.KnowledgeBase.Load(options.UserDictionaries);
            errors.AddRange(knowledge.Errors);
            stages.Add(new Mentions.ActorRecognizer(knowledge));
            stages.Add(new Mentions.CoreferenceResolver());
            stages.Add(new Mentions.TimeRecognizer(options.Dates == DateReaderChoice.Recognizer));
            stages.Add(new Mentions.QuantityRecognizer());
            stages.Add(new Attributions.AttributionFinder(patterns.Vocabulary));
            stages.Add(new Events.EventCoder(patterns));

            if (tree)
            {
                stages.Add(TreeCoding.Create(options, errors));
            }
            else if (options.VerbFiles.Count > 0 || options.DiscardFiles.Count > 0)
            {
                errors.Add(new Documents.TacitusError("TAC306", "events", "--verbs and --discards are read by the dictionary coder; add --coder tree or --coder fill", options.VerbFiles.Concat(options.DiscardFiles).First()));
            }

            // each event record gets the PETRARCH issues of its sentence
            stages.Add(Events.IssueCoder.Load(options.IssueFiles, options.NoShipped, errors));
        }

        return new AnalysisPipeline(stages, errors, ProvenanceFingerprint.For(options)) { TimeBudget = options.TimeBudget };
    }

    /// <summary>
    /// The words stage for the readers that run after it: lemmas kept to the words the attribution cues, the event
    /// patterns in use (the user's included) and the modality phrases list.
    /// </summary>
    internal static Syntax.Clauses.WordReader WordReaderFor(Events.EventPatterns patterns) =>
        new(System.Collections.Frozen.FrozenSet.ToFrozenSet(
            Attributions.CueLexicon.Shipped.Words.Concat(patterns.Words).Concat(Events.ModalityReader.Shipped.Words), StringComparer.Ordinal));

    /// <summary>The shipped event patterns, with the user's files in front (earlier files win), and their problems.</summary>
    private static Events.EventPatterns LoadPatterns(IReadOnlyList<string> files, bool noShipped, List<Documents.TacitusError> errors)
    {
        if (files.Count == 0 && !noShipped)
        {
            return Events.EventPatterns.Shipped;
        }

        var patterns = new List<Events.EventPattern>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                errors.Add(new Documents.TacitusError("TAC305", "events", "event pattern file not found", file));
                continue;
            }

            using var reader = new StreamReader(file);
            var (read, problems) = Events.EventPatterns.Read(reader, file, Events.CameoPloverTable.Shipped);
            patterns.AddRange(read);
            errors.AddRange(problems);
        }

        return Events.EventPatterns.From(noShipped ? patterns : [.. patterns, .. Events.EventPatterns.Shipped.All]);
    }
}
