using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>An event record's key in the store: its document and its index in the document.</summary>
internal readonly record struct StoredEventKey(DocumentId Document, int Index);
