using System.CommandLine;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus train MODEL</c>: train one of the token layer's models from the treebanks and NER data and write it into data/models/.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train the token layer's models (deterministic; writes data/models/).")
    {
        TrainEntitiesCommand.Create(),
    };
}
