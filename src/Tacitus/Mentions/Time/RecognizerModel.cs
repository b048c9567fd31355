using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The one Microsoft.Recognizers English date-time model of the process. Building it compiles hundreds of regular
/// expressions (≈150 ms), so it is built once, on first use, and shared: its Parse is safe to call from any thread
/// (its extractors and parsers hold only read-only configuration and regular expressions, which are thread-safe; the
/// shared result caches are thread-safe <c>MemoryCache</c>s, bounded by <see cref="RecognizerCaches"/>), as the
/// concurrency tests check.
/// </summary>
internal static class RecognizerModel
{
    private static readonly Lazy<DateTimeModel> Model = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private static int preparing;

    public static DateTimeModel Instance => Model.Value;

    /// <summary>
    /// Starts building the model on a pool thread, once, so that it is ready (or nearly) when the first document
    /// reaches the date stage: a run starts by loading the knowledge tables and models on one core while the other is
    /// free. A fault while building is kept by the lazy value and thrown to the first caller of <see cref="Instance"/>.
    /// </summary>
    public static void Prepare()
    {
        if (!Model.IsValueCreated && Interlocked.Exchange(ref preparing, 1) == 0)
        {
            _ = Task.Run(() => Model.Value);
        }
    }

    private static DateTimeModel Build()
    {
        // The recognizers create the "en-us" culture by name. Under InvariantGlobalization that throws unless
        // predefined-cultures-only is off (set in Directory.Build.props for every executable; set here too for hosts
        // that have not read the setting yet).
        AppContext.SetSwitch("System.Globalization.PredefinedCulturesOnly", false);
        var model = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();
        RecognizerCaches.Bound();
        return model;
    }
}
