using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>The store could not do what was asked; <see cref="Error"/> says what, with its TAC5xx code and the file.</summary>
internal sealed class StoreException : Exception
{
    public StoreException(TacitusError error, Exception? inner = null)
        : base(error?.ToString(), inner) => Error = error!;

    public TacitusError Error { get; }
}
