using System.Text;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Contract;

/// <summary>Formats event records as one readable line each, the way an analyst writes them down.</summary>
public static class RecordFormatter
{
    /// <summary>
    /// "Emmanuel Macron (FRA GOV) —CONSULT/visit→ Xi Jinping (CHN GOV), Beijing, 2023-04-06, source: Xinhua via unidentified officials [anonymous]".
    /// </summary>
    public static string Format(Document document, EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        Actor(sb, e.Actor);
        sb.Append(" —").Append(e.Event.ToCode());
        if (e.Mode is { Length: > 0 } mode)
        {
            sb.Append('/').Append(mode);
        }

        sb.Append("→ ");
        if (e.Recipient is null)
        {
            sb.Append('∅');
        }
        else
        {
            Actor(sb, e.Recipient);
        }

        if (e.Location is not null)
        {
            sb.Append(", ").Append(e.Location.Name ?? e.Location.Text);
        }

        if (e.Date is not null)
        {
            sb.Append(", ").Append(e.Date.Value);
            if (e.Date.Basis == "publication")
            {
                sb.Append(" (publication)");
            }
        }

        var flags = new List<string>();
        if (e.Modality.Denied)
        {
            flags.Add("DENIED");
        }

        if (e.Modality.Negated)
        {
            flags.Add("NEGATED");
        }

        if (e.Modality.Hedged)
        {
            flags.Add("hedged");
        }

        if (e.Modality.Future)
        {
            flags.Add("future");
        }

        if (e.Modality.Conditional)
        {
            flags.Add("conditional");
        }

        if (flags.Count > 0)
        {
            sb.Append(" [").Append(string.Join(", ", flags)).Append(']');
        }

        sb.Append(", source: ");
        if (e.Attribution is int a && a >= 0 && a < document.Attributions.Count)
        {
            sb.Append(Source(document.Attributions[a]));
        }
        else
        {
            sb.Append(document.Metadata.Outlet ?? "the article");
        }

        return sb.ToString();
    }

    /// <summary>"Xinhua via unidentified officials [anonymous]".</summary>
    public static string Source(Attribution attribution)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        var sb = new StringBuilder(attribution.Source.Name ?? attribution.Source.Text);
        foreach (var via in attribution.Via)
        {
            sb.Append(" via ").Append(via.Name ?? via.Text);
        }

        if (attribution.Anonymous)
        {
            sb.Append(" [anonymous]");
        }

        if (attribution.Denial)
        {
            sb.Append(" [denial]");
        }

        return sb.ToString();
    }

    private static void Actor(StringBuilder sb, ActorRef actor)
    {
        sb.Append(actor.Name ?? actor.Text);
        if (actor.Country is not null || actor.Sector is not null)
        {
            sb.Append(" (").Append(actor.Country?.Value ?? "---");
            if (actor.Sector is not null)
            {
                sb.Append(' ').Append(actor.Sector.Value.Value);
            }

            sb.Append(')');
        }
    }
}
