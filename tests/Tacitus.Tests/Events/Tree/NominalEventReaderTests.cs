using Tacitus.Documents;
using Tacitus.Events;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Events.Tree;

/// <summary>Nominal events of the tree coder over hand-written parses of fictional sentences, one construct per case.</summary>
public sealed class NominalEventReaderTests
{
    private static readonly DateOnly Date = new(2020, 6, 1);

    private static readonly string[] Verbs =
    [
        "--- PHYSICAL_CONFLICT [190] ---",
        "ATTACK",
        "--- CONFER [040:040] ---",
        "TALK",
        "--- REPORT [010] ---",
        "REPORT",
        "--- BEGIN [---] ---",
        "BEGIN",
        "- * TALKS [046]",
    ];

    private const string NounRows = "assault.air-strike\tair strike|strikes\t195\t\taerial\tnoun\t0.7\n";

    private static readonly HashSet<string> Happen = ["hold", "launch", "begin", "continue", "carry out", "take place"];

    private static readonly HashSet<string> Cancel = ["call off", "postpone"];

    private static readonly HashSet<string> Plan = ["plan", "proposal", "announce"];

    private static TreeEventCoder Coder()
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs(Verbs, "test.verbs", errors);
        var codebook = new PetrarchCodebook(
            PetrarchDictionaryReader.ReadActors(["RURITANIA [RUR]", "+RURITANIAN", "FREEDONIA [FRE]", "GRAND_FENWICK [GFW]"], "test.actors", errors),
            PetrarchDictionaryReader.ReadAgents(["MINISTER [~GOV]"], "test.agents", errors));
        var (rows, rowErrors) = EventPatterns.Read(new StringReader(NounRows), "test.patterns", CameoPloverTable.Shipped);
        Assert.Empty(errors);
        Assert.Empty(rowErrors);
        var nominals = new NominalEventReader(rows, verbs, Happen, Cancel, Plan);
        return new TreeEventCoder(verbs, codebook, [], nominals: nominals);
    }

    private static string Code(string rows)
    {
        var document = TreeEventCoderTests.Parse(rows.Split(" | "));
        var events = Coder().Code(document, document.Sentences[0], Date);
        return string.Join("; ", events.Select(e => $"{e.Cameo} {e.Source.Code} {e.Target?.Code ?? "---"}{(e.Modality.Negated ? " negated" : string.Empty)}{(e.Modality.Future ? " future" : string.Empty)}"));
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "noun row on head and compound; actor the performing verb's subject; target its 'on' phrase",
            "Ruritania Ruritania PROPN 2 nsubj | launched launch VERB 0 root | air air NOUN 4 compound | strikes strike NOUN 2 obj | on on ADP 6 case | Freedonia Freedonia PROPN 4 nmod",
            "195 RUR FRE"
        },
        {
            "possessor is the actor; subject of a verb of occurrence",
            "Ruritania Ruritania PROPN 3 nmod:poss | 's 's PART 1 case | attack attack NOUN 6 nsubj | on on ADP 5 case | Freedonia Freedonia PROPN 3 nmod | began begin VERB 0 root",
            "190 RUR FRE"
        },
        {
            "an adjective naming a country is the actor",
            "Ruritanian Ruritanian ADJ 3 amod | air air NOUN 3 compound | strikes strike NOUN 7 nsubj | on on ADP 5 case | Freedonia Freedonia PROPN 3 nmod | have have AUX 7 aux | continued continue VERB 0 root",
            "195 RUR FRE"
        },
        {
            "a 'by' phrase is the actor",
            "Attacks attack NOUN 6 nsubj | by by ADP 3 case | Ruritania Ruritania PROPN 1 nmod | on on ADP 5 case | Freedonia Freedonia PROPN 1 nmod | continued continue VERB 0 root",
            "190 RUR FRE"
        },
        {
            "the performing verb's 'with' phrase is the target; a paired code runs both ways",
            "Ruritania Ruritania PROPN 2 nsubj | held hold VERB 0 root | talks talk NOUN 2 obj | with with ADP 5 case | Freedonia Freedonia PROPN 2 obl",
            "040 RUR FRE; 040 FRE RUR"
        },
        {
            "'between X and Y': one record per pair of members",
            "Ruritania Ruritania PROPN 2 nsubj | held hold VERB 0 root | talks talk NOUN 2 obj | between between ADP 5 case | Freedonia Freedonia PROPN 3 nmod | and and CCONJ 8 cc | Grand Grand PROPN 8 compound | Fenwick Fenwick PROPN 5 conj",
            "040 FRE GFW; 040 GFW FRE"
        },
        {
            "a passive verb of performance: its 'by' phrase is the actor",
            "Talks talk NOUN 3 nsubj:pass | were be AUX 3 aux:pass | held hold VERB 0 root | by by ADP 5 case | Ruritania Ruritania PROPN 3 obl:agent | with with ADP 7 case | Freedonia Freedonia PROPN 1 nmod",
            "040 RUR FRE; 040 FRE RUR"
        },
        {
            "called off: negated",
            "Ruritania Ruritania PROPN 2 nsubj | called call VERB 0 root | off off ADP 2 compound:prt | talks talk NOUN 2 obj | with with ADP 6 case | Freedonia Freedonia PROPN 4 nmod",
            "040 RUR FRE negated; 040 FRE RUR negated"
        },
        {
            "a future auxiliary on the performing verb",
            "Ruritania Ruritania PROPN 3 nsubj | will will AUX 3 aux | hold hold VERB 0 root | talks talk NOUN 3 obj | with with ADP 6 case | Freedonia Freedonia PROPN 4 nmod",
            "040 RUR FRE future; 040 FRE RUR future"
        },
        {
            "under a noun of planning: future",
            "Ruritania Ruritania PROPN 2 nsubj | announced announce VERB 0 root | plans plan NOUN 2 obj | for for ADP 5 case | talks talk NOUN 3 nmod | with with ADP 7 case | Freedonia Freedonia PROPN 5 nmod",
            "040 RUR FRE future; 040 FRE RUR future"
        },
        {
            "a noun of planning under a verb that rejects it: nothing",
            "Ruritania Ruritania PROPN 2 nsubj | rejected reject VERB 0 root | a a DET 4 det | proposal proposal NOUN 2 obj | for for ADP 6 case | talks talk NOUN 4 nmod | with with ADP 8 case | Freedonia Freedonia PROPN 6 nmod",
            string.Empty
        },
        {
            "an object that makes a listed entry with the verb is no object: 'took place' is a verb of occurrence",
            "Ruritanian Ruritanian ADJ 2 amod | talks talk NOUN 5 nsubj | with with ADP 4 case | Freedonia Freedonia PROPN 2 nmod | took take VERB 0 root | place place NOUN 5 obj",
            "040 RUR FRE; 040 FRE RUR"
        },
        {
            "the subject of a verb of occurrence that has an object of its own: no act",
            "Ruritanian Ruritanian ADJ 2 amod | talks talk NOUN 5 nsubj | with with ADP 4 case | Freedonia Freedonia PROPN 2 nmod | began begin VERB 0 root | a a DET 7 det | crisis crisis NOUN 5 obj",
            string.Empty
        },
        {
            "a topic, not an act: the object of a verb that is no verb of occurrence",
            "Ruritania Ruritania PROPN 2 nsubj | studied study VERB 0 root | attacks attack NOUN 2 obj | on on ADP 5 case | Freedonia Freedonia PROPN 3 nmod",
            string.Empty
        },
        {
            "a topic, not an act: the noun modifies another noun",
            "Ruritania Ruritania PROPN 2 nsubj | held hold VERB 0 root | an a DET 5 det | attack attack NOUN 5 compound | inquiry inquiry NOUN 2 obj | on on ADP 7 case | Freedonia Freedonia PROPN 5 nmod",
            string.Empty
        },
        {
            "a verb's noun with no target and no noun row: no record",
            "Ruritania Ruritania PROPN 2 nsubj | launched launch VERB 0 root | attacks attack NOUN 2 obj",
            string.Empty
        },
        {
            "a statement noun (CAMEO 01) is no act",
            "Ruritania Ruritania PROPN 2 nsubj | launched launch VERB 0 root | a a DET 4 det | report report NOUN 2 obj | on on ADP 6 case | Freedonia Freedonia PROPN 4 nmod",
            string.Empty
        },
        {
            "the governing verb's own pattern read the noun: the verb's record only",
            "Ruritania Ruritania PROPN 2 nsubj | began begin VERB 0 root | talks talk NOUN 2 obj | with with ADP 5 case | Freedonia Freedonia PROPN 2 obl",
            "046 RUR FRE"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Code_NominalEvent_ReadFromHeadAndModifiers(string construct, string rows, string expected)
    {
        Assert.True(construct.Length > 0);
        Assert.Equal(expected, Code(rows));
    }
}
