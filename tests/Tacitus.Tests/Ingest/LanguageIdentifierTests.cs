using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class LanguageIdentifierTests
{
    [Theory]
    [InlineData("en", "The council said on Tuesday that the bridge would stay closed until engineers had inspected it, and that traffic would be diverted.")]
    [InlineData("fr", "Le conseil a annoncé mardi que le pont resterait fermé jusqu'à ce que les ingénieurs l'aient inspecté, et que la circulation serait déviée.")]
    [InlineData("de", "Der Rat teilte am Dienstag mit, dass die Brücke geschlossen bleibt, bis die Ingenieure sie geprüft haben, und der Verkehr wird umgeleitet.")]
    [InlineData("es", "El consejo dijo el martes que el puente seguirá cerrado hasta que los ingenieros lo hayan inspeccionado, y que el tráfico será desviado.")]
    [InlineData("it", "Il consiglio ha detto martedì che il ponte resterà chiuso finché gli ingegneri non lo avranno ispezionato, e che il traffico sarà deviato.")]
    [InlineData("pt", "O conselho disse na terça-feira que a ponte continuará fechada até que os engenheiros a tenham inspecionado, e que o trânsito será desviado.")]
    [InlineData("nl", "De raad zei dinsdag dat de brug gesloten blijft tot de ingenieurs haar hebben geïnspecteerd, en dat het verkeer wordt omgeleid.")]
    [InlineData("ru", "Совет заявил во вторник, что мост останется закрытым, пока инженеры не проверят его, а движение будет перенаправлено.")]
    [InlineData("uk", "Рада заявила у вівторок, що міст залишиться закритим, доки інженери його не перевірять, а рух буде перенаправлено.")]
    [InlineData("zh", "委员会周二表示，在工程师完成检查之前，这座桥将继续关闭，交通将改道绕行。")]
    [InlineData("ja", "評議会は火曜日、技術者が点検を終えるまで橋は閉鎖されたままで、交通は迂回されると発表した。")]
    [InlineData("ko", "의회는 화요일 기술자들이 점검을 마칠 때까지 다리가 폐쇄되며 교통은 우회될 것이라고 밝혔다.")]
    [InlineData("ar", "قال المجلس يوم الثلاثاء إن الجسر سيبقى مغلقا حتى يفحصه المهندسون وإن حركة المرور ستحول.")]
    [InlineData("el", "Το συμβούλιο ανακοίνωσε την Τρίτη ότι η γέφυρα θα παραμείνει κλειστή μέχρι να την ελέγξουν οι μηχανικοί.")]
    public void Identify_ShortParagraphs_NamesLanguage(string expected, string text) => Assert.Equal(expected, LanguageIdentifier.Identify(text));

    [Theory]
    [InlineData("")]
    [InlineData("Hi")]
    [InlineData("12345 67890 2024-03-05 10:00 +44 20 7946 0000")]
    [InlineData("Network GSM HSPA LTE Chipset Exynos Octa GPU Mali Weight Display AMOLED Resolution")]
    public void Identify_TooLittleEvidence_Undetermined(string text) => Assert.Equal("und", LanguageIdentifier.Identify(text));

    [Fact]
    public void Identify_EnglishWithForeignNames_StillEnglish()
    {
        const string text = "Jean-Luc Moreau, the mayor of Saint-Étienne-de-Montluc, met José García and Dietrich von Lindau in the town hall, " +
            "where they agreed that the festival would go ahead in June despite the cost.";
        Assert.Equal("en", LanguageIdentifier.Identify(text));
    }
}
