using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>
/// The chunks and chunk list of one sentence, handed out again for the next: <see cref="Chunker"/> makes a chunk for
/// nearly every token, and the actors stage reads one sentence's chunks before it chunks the next, so a thread needs
/// only one sentence's worth. <see cref="Begin"/> frees everything handed out before. One pool per thread
/// (<see cref="ForThread"/>); a pool keeps at most <see cref="MaxKept"/> chunks between sentences.
/// </summary>
internal sealed class ChunkPool
{
    /// <summary>Chunks kept for the next sentence; a longer sentence's extra chunks are left to the collector.</summary>
    public const int MaxKept = 1024;

    [ThreadStatic]
    private static ChunkPool? current;

    private readonly List<Chunk> made = [];
    private readonly List<Chunk> chunks = [];
    private int used;

    /// <summary>This thread's pool.</summary>
    public static ChunkPool ForThread => current ??= new ChunkPool();

    /// <summary>Starts a sentence: the list comes back empty and every chunk handed out before may be handed out again.</summary>
    public List<Chunk> Begin()
    {
        used = 0;
        chunks.Clear();
        if (made.Count > MaxKept)
        {
            made.RemoveRange(MaxKept, made.Count - MaxKept);
            made.Capacity = MaxKept;
            chunks.Capacity = MaxKept;
        }

        return chunks;
    }

    /// <summary>A chunk with these values, until the next <see cref="Begin"/>.</summary>
    public Chunk Take(ChunkKind kind, int start, int end, ActorEntry[]? entries = null, CountryInfo[]? countries = null, RoleInfo? role = null)
    {
        if (used < made.Count)
        {
            return made[used++].Reset(kind, start, end, entries, countries, role);
        }

        var chunk = new Chunk(kind, start, end, entries, countries, role);
        made.Add(chunk);
        used++;
        return chunk;
    }
}
