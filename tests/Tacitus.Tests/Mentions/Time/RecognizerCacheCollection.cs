namespace Tacitus.Tests.Mentions.Time;

/// <summary>
/// Test classes that swap the recogniser's process-wide result caches (<c>RecognizerCaches.Bound</c>, which the bench
/// also calls before each first pass) run one after another, so that one does not reset the caches another measures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecognizerCacheCollection
{
    public const string Name = "recogniser caches";
}
