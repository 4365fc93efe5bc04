<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>GrpcCatalog</name>
    <message>
        <source>No service &quot;%1&quot; in the gRPC descriptors (known: %2). Give its descriptor set with --proto-set (protoc -o FILE --include_imports).</source>
        <translation>Kein Dienst „%1“ in den gRPC-Deskriptoren (bekannt: %2). Geben Sie seinen Deskriptorsatz mit --proto-set an (protoc -o DATEI --include_imports).</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has no method &quot;%2&quot; (it has: %3).</source>
        <translation>Der Dienst „%1“ hat keine Methode „%2“ (er hat: %3).</translation>
    </message>
    <message>
        <source>%1 is a streaming method; Meshdeck measures unary calls.</source>
        <translation>%1 ist eine Streaming-Methode; Meshdeck misst unäre Aufrufe.</translation>
    </message>
    <message>
        <source>The JSON is not a %1 (the message of %2): %3</source>
        <translation>Das JSON ist keine %1 (die Nachricht von %2): %3</translation>
    </message>
    <message>
        <source>This is not a Protobuf descriptor set (make one with protoc -o FILE --include_imports your.proto).</source>
        <translation>Dies ist kein Protobuf-Deskriptorsatz (erzeugen Sie einen mit protoc -o DATEI --include_imports ihre.proto).</translation>
    </message>
    <message>
        <source>The descriptor set cannot be used: %1 (was it made with --include_imports?)</source>
        <translation>Der Deskriptorsatz ist nicht verwendbar: %1 (wurde er mit --include_imports erzeugt?)</translation>
    </message>
    <message>
        <source>The request is not a %1.</source>
        <translation>Die Anfrage ist keine %1.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::AboutDialog</name>
    <message>
        <source>About Meshdeck</source>
        <translation>Über Meshdeck</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Meshdeck %1&lt;/h2&gt;&lt;p&gt;A desktop application for people who run service meshes on Kubernetes: live service topology, mesh install wizards, and latency benchmarks compared side by side.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Meshdeck %1&lt;/h2&gt;&lt;p&gt;Eine Desktop-Anwendung für alle, die Service-Meshes auf Kubernetes betreiben: Live-Service-Topologie, Installationsassistenten für Meshes und Latenz-Benchmarks im direkten Vergleich.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Meshdeck::BoundedFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a pipe or a socket); give the path of a file.</source>
        <translation>%1 ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Socket); geben Sie den Pfad einer Datei an.</translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 Meshdeck reads from such a file.</source>
        <translation>%1 ist %2 groß, mehr als die %3, die Meshdeck aus einer solchen Datei liest.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 Meshdeck reads from such a file.</source>
        <translation>%1 ist größer als die %2, die Meshdeck aus einer solchen Datei liest.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ChecksPanel</name>
    <message>
        <source>Configuration Checks</source>
        <translation>Konfigurationsprüfungen</translation>
    </message>
    <message>
        <source>Configuration Checks (%1)</source>
        <translation>Konfigurationsprüfungen (%1)</translation>
    </message>
    <message>
        <source>Configuration Checks (OK)</source>
        <translation>Konfigurationsprüfungen (OK)</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>Connect a cluster to check its routing configuration.</source>
        <translation>Verbinden Sie einen Cluster, um seine Routing-Konfiguration zu prüfen.</translation>
    </message>
    <message>
        <source>Checking the routing configuration…</source>
        <translation>Routing-Konfiguration wird geprüft …</translation>
    </message>
    <message>
        <source>The checks run once the cluster&apos;s objects are read.</source>
        <translation>Die Prüfungen laufen, sobald die Objekte des Clusters gelesen sind.</translation>
    </message>
    <message>
        <source>Istio</source>
        <translation>Istio</translation>
    </message>
    <message>
        <source>Gateway API</source>
        <translation>Gateway API</translation>
    </message>
    <message>
        <source>The cluster serves neither Istio&apos;s nor the Gateway API&apos;s routing kinds; only sidecar injection was checked.</source>
        <translation>Der Cluster bietet weder die Routing-Arten von Istio noch die der Gateway API an; nur die Sidecar-Injektion wurde geprüft.</translation>
    </message>
    <message>
        <source>1 routing object checked (%1).</source>
        <translation>1 Routing-Objekt geprüft (%1).</translation>
    </message>
    <message>
        <source>%1 routing objects checked (%2).</source>
        <translation>%1 Routing-Objekte geprüft (%2).</translation>
    </message>
    <message>
        <source>No mistakes found.</source>
        <translation>Keine Fehler gefunden.</translation>
    </message>
    <message>
        <source>%1, %2. Double-click a finding for the object&apos;s YAML.</source>
        <translation>%1, %2. Doppelklick auf einen Befund zeigt das YAML des Objekts.</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Geprüft um %1.</translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ClustersPage</name>
    <message>
        <source>Select a namespace, workload or pod to see its YAML.</source>
        <translation>Wählen Sie einen Namespace, Workload oder Pod, um sein YAML zu sehen.</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Select a pod to follow its log.</source>
        <translation>Wählen Sie einen Pod, um sein Log zu verfolgen.</translation>
    </message>
    <message>
        <source>Following %1 in %2…</source>
        <translation>Verfolge %1 in %2 …</translation>
    </message>
    <message>
        <source>The log stream ended (the container stopped or the pod went away).</source>
        <translation>Der Log-Stream ist beendet (der Container wurde gestoppt oder der Pod ist weg).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the log.</source>
        <translation>„%1“ kommt im Log nicht vor.</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Verfolgen</translation>
    </message>
    <message>
        <source>Find in log (Enter)</source>
        <translation>Im Log suchen (Eingabe)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Reachable, Kubernetes %1</source>
        <translation>Erreichbar, Kubernetes %1</translation>
    </message>
    <message>
        <source>Port Forwards</source>
        <translation>Portweiterleitungen</translation>
    </message>
    <message>
        <source>Open &amp;Shell</source>
        <translation>&amp;Shell öffnen</translation>
    </message>
    <message>
        <source>&amp;Forward Port…</source>
        <translation>Port &amp;weiterleiten…</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Streaming %1 in %2; Follow is off, so the view stays where it is.</source>
        <translation>%1 in %2 wird weiter gelesen; „Verfolgen“ ist aus, die Ansicht bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>&amp;Wrap lines</source>
        <translation>&amp;Zeilen umbrechen</translation>
    </message>
    <message>
        <source>&amp;Route Traffic to %1…</source>
        <translation>Verkehr zu %1 &amp;lenken …</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ComparisonData</name>
    <message>
        <source>No cluster was connected during the run.</source>
        <translation>Während des Laufs war kein Cluster verbunden.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 requests/s)</source>
        <translation>%1 (%2 von %3 Anfragen/s)</translation>
    </message>
    <message>
        <source>Did not reach the requested rate (marked ⚠): %1. Their latency is that of a lighter load than asked; the target or the connections could not keep up.</source>
        <translation>Angeforderte Rate nicht erreicht (mit ⚠ markiert): %1. Ihre Latenz ist die einer geringeren Last als verlangt; das Ziel oder die Verbindungen kamen nicht mit.</translation>
    </message>
    <message>
        <source>Closed-loop runs (%1) are compared with constant-rate runs: a closed loop sends less when the server slows down, so its latency leaves out the waiting a constant rate measures.</source>
        <translation>Läufe im geschlossenen Kreis (%1) werden mit Läufen konstanter Rate verglichen: Ein geschlossener Kreis sendet weniger, wenn der Server langsamer wird, daher fehlt in seiner Latenz das Warten, das eine konstante Rate misst.</translation>
    </message>
    <message>
        <source>The runs use different protocols (%1): part of the difference is the protocol&apos;s, not the mesh&apos;s.</source>
        <translation>Die Läufe verwenden verschiedene Protokolle (%1): Ein Teil des Unterschieds geht auf das Protokoll zurück, nicht auf das Mesh.</translation>
    </message>
    <message>
        <source>%1 was imported from %2, which reported p50 %3 ms and p99 %4 ms; the figures here (p50 %5 ms, p99 %6 ms) are computed from its histogram, whose buckets are coarser than its samples.</source>
        <translation>%1 wurde aus %2 importiert, das p50 %3 ms und p99 %4 ms meldete; die Werte hier (p50 %5 ms, p99 %6 ms) sind aus seinem Histogramm berechnet, dessen Klassen gröber sind als seine Messwerte.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ComparisonView</name>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Basislinie:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Back to &amp;runs</source>
        <translation>Zurück zu den &amp;Läufen</translation>
    </message>
    <message>
        <source>Latency by percentile</source>
        <translation>Latenz nach Perzentil</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Percentiles</source>
        <translation>Perzentile</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s)</source>
        <translation>
            <numerusform>Vergleich von %n Lauf</numerusform>
            <numerusform>Vergleich von %n Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Share of requests (%)</source>
        <translation>Anteil der Anfragen (%)</translation>
    </message>
    <message>
        <source>Seconds into the run</source>
        <translation>Sekunden seit Laufbeginn</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Mesh</translation>
    </message>
    <message>
        <source>Requested/s</source>
        <translation>Angefordert/s</translation>
    </message>
    <message>
        <source>Achieved/s</source>
        <translation>Erreicht/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p90 ms</source>
        <translation>p90 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>p99.9 ms</source>
        <translation>p99,9 ms</translation>
    </message>
    <message>
        <source>Δ p50</source>
        <translation>Δ p50</translation>
    </message>
    <message>
        <source>Δ p99</source>
        <translation>Δ p99</translation>
    </message>
    <message>
        <source>Δ p99.9</source>
        <translation>Δ p99,9</translation>
    </message>
    <message>
        <source>Errors %</source>
        <translation>Fehler %</translation>
    </message>
    <message>
        <source> (baseline)</source>
        <translation> (Basislinie)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Chart as PNG (*.png);;Chart as SVG (*.svg);;Table as CSV (*.csv);;Runs as JSON (*.json)</source>
        <translation>Diagramm als PNG (*.png);;Diagramm als SVG (*.svg);;Tabelle als CSV (*.csv);;Läufe als JSON (*.json)</translation>
    </message>
    <message>
        <source>CPU over time</source>
        <translation>CPU im Zeitverlauf</translation>
    </message>
    <message>
        <source>Memory over time</source>
        <translation>Speicher im Zeitverlauf</translation>
    </message>
    <message>
        <source>Memory (KiB)</source>
        <translation>Speicher (KiB)</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <source>CPU (millicores)</source>
        <translation>CPU (Millicores)</translation>
    </message>
    <message>
        <source>%1 proxies</source>
        <translation>%1 Proxys</translation>
    </message>
    <message>
        <source>%1 applications</source>
        <translation>%1 Anwendungen</translation>
    </message>
    <message>
        <source>No CPU or memory was measured for these runs. Runs made while a cluster is connected are sampled; %1</source>
        <translation>Für diese Läufe wurden weder CPU noch Speicher gemessen. Läufe bei verbundenem Cluster werden erfasst; %1</translation>
    </message>
    <message>
        <source>Not measured: %1</source>
        <translation>Nicht gemessen: %1</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ConfigChecksModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ConnectionState</name>
    <message>
        <source>Not connected: no cluster context selected</source>
        <translation>Nicht verbunden: kein Cluster-Kontext ausgewählt</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 (Kubernetes %2)</source>
        <translation>Verbunden mit %1 (Kubernetes %2)</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::EnvelopeCodec</name>
    <message>
        <source>This is not a Meshdeck file, or it is damaged.</source>
        <translation>Dies ist keine Meshdeck-Datei, oder sie ist beschädigt.</translation>
    </message>
    <message>
        <source>This file holds &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Diese Datei enthält „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <source>This file was written by a newer Meshdeck (%1, schema %2); this version reads schema %3 and older. Update Meshdeck to open it.</source>
        <translation>Diese Datei stammt von einem neueren Meshdeck (%1, Schema %2); diese Version liest Schema %3 und älter. Aktualisieren Sie Meshdeck, um sie zu öffnen.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::FileWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: there is no picture to save.</source>
        <translation>%1 kann nicht geschrieben werden: Es gibt kein Bild zum Speichern.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::FindingDialog</name>
    <message>
        <source>Configuration Finding</source>
        <translation>Konfigurationsbefund</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 in %3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>The object is no longer in the cluster.</source>
        <translation>Das Objekt ist nicht mehr im Cluster.</translation>
    </message>
    <message>
        <source>&amp;Copy YAML</source>
        <translation>YAML &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ForwardPortDialog</name>
    <message>
        <source>Forward a Port</source>
        <translation>Port weiterleiten</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>ein freier Port</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Remote port:</source>
        <translation>&amp;Entfernter Port:</translation>
    </message>
    <message>
        <source>&amp;Local port:</source>
        <translation>&amp;Lokaler Port:</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Weiterleiten</translation>
    </message>
    <message>
        <source>Name the namespace and the pod or Service to forward to.</source>
        <translation>Nennen Sie den Namespace und den Pod oder Service, zu dem weitergeleitet wird.</translation>
    </message>
    <message>
        <source>The remote port is a number from 1 to 65535, e.g. 9080.</source>
        <translation>Der entfernte Port ist eine Zahl von 1 bis 65535, z. B. 9080.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::HttpTransport</name>
    <message>
        <source>The address &quot;%1&quot; is not a valid http or https URL. Check the server address.</source>
        <translation>Die Adresse „%1“ ist keine gültige http- oder https-URL. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The request to %1 was cancelled.</source>
        <translation>Die Anfrage an %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved. Check the server address and your network or DNS settings.</source>
        <translation>Der Hostname „%1“ konnte nicht aufgelöst werden. Prüfen Sie die Serveradresse und Ihre Netzwerk- oder DNS-Einstellungen.</translation>
    </message>
    <message>
        <source>The proxy host could not be resolved. Check the proxy setting.</source>
        <translation>Der Proxy-Host konnte nicht aufgelöst werden. Prüfen Sie die Proxy-Einstellung.</translation>
    </message>
    <message>
        <source>Could not connect to %1: the connection was refused or the host is unreachable. Check that the server is running and the address and port are right.</source>
        <translation>Keine Verbindung zu %1: Die Verbindung wurde abgelehnt oder der Host ist nicht erreichbar. Prüfen Sie, ob der Server läuft und Adresse und Port stimmen.</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out. The server may be down or a firewall may be dropping the connection.</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1. Der Server ist möglicherweise nicht verfügbar oder eine Firewall verwirft die Verbindung.</translation>
    </message>
    <message>
        <source>%1 stopped answering: no data arrived within the time limit. Try again; if it keeps happening, the server may be overloaded.</source>
        <translation>%1 antwortet nicht mehr: Innerhalb der Frist kamen keine Daten an. Versuchen Sie es erneut; wenn es wieder passiert, ist der Server möglicherweise überlastet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: its certificate could not be verified or the client certificate was rejected. Check the certificate authority and client certificate you configured.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat konnte nicht geprüft werden oder das Client-Zertifikat wurde abgelehnt. Prüfen Sie die konfigurierte Zertifizierungsstelle und das Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The connection to %1 was reset while talking to the server. Try again.</source>
        <translation>Die Verbindung zu %1 wurde während der Kommunikation zurückgesetzt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 closed the connection or sent an incomplete reply. Try again.</source>
        <translation>%1 hat die Verbindung geschlossen oder eine unvollständige Antwort gesendet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The reply from %1 is larger than %2 MiB and was not read.</source>
        <translation>Die Antwort von %1 ist größer als %2 MiB und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The request to %1 failed.</source>
        <translation>Die Anfrage an %1 ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InCluster::InClusterRun</name>
    <message>
        <source>The namespace %1 is still being deleted after a minute; choose another with --namespace, or try again later.</source>
        <translation>Der Namespace %1 wird nach einer Minute immer noch gelöscht; wählen Sie mit --namespace einen anderen, oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The in-cluster run needs permissions this user lacks in namespace %1: %2. Nothing was created.</source>
        <translation>Der Lauf im Cluster braucht Berechtigungen, die diesem Benutzer im Namespace %1 fehlen: %2. Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>Give at least one worker.</source>
        <translation>Geben Sie mindestens einen Worker an.</translation>
    </message>
    <message>
        <source>Checking permissions in %1</source>
        <translation>Berechtigungen in %1 werden geprüft</translation>
    </message>
    <message>
        <source>Creating the Job</source>
        <translation>Job wird angelegt</translation>
    </message>
    <message>
        <source>Pod %1 cannot pull the worker image %2 (%3). Load the image into the cluster or push it to a registry it can reach, and give it with --image.</source>
        <translation>Pod %1 kann das Worker-Image %2 nicht laden (%3). Laden Sie das Image in den Cluster oder in eine Registry, die er erreicht, und geben Sie es mit --image an.</translation>
    </message>
    <message>
        <source>Starting %1 workers</source>
        <translation>%1 Worker werden gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Only %1 of %2 worker pods started within %3 s: the cluster may lack room (CPU %4 and memory %5 each) or the image may be slow to pull.</source>
        <translation>Nur %1 von %2 Worker-Pods sind binnen %3 s gestartet: dem Cluster fehlt vielleicht Platz (je CPU %4 und Speicher %5), oder das Image lädt langsam.</translation>
    </message>
    <message>
        <source>The Job %1 was deleted by someone else; the run stopped.</source>
        <translation>Der Job %1 wurde von jemand anderem gelöscht; der Lauf wurde beendet.</translation>
    </message>
    <message>
        <source>The workers did not finish in time.</source>
        <translation>Die Worker sind nicht rechtzeitig fertig geworden.</translation>
    </message>
    <message>
        <source>Cancelled; removing the Job</source>
        <translation>Abgebrochen; der Job wird entfernt</translation>
    </message>
    <message>
        <source>Merging and removing the Job</source>
        <translation>Ergebnisse werden zusammengeführt, der Job wird entfernt</translation>
    </message>
    <message>
        <source>Cancelled before any worker reported a result.</source>
        <translation>Abgebrochen, bevor ein Worker ein Ergebnis gemeldet hat.</translation>
    </message>
    <message>
        <source>No worker reported a result: %1</source>
        <translation>Kein Worker hat ein Ergebnis gemeldet: %1</translation>
    </message>
    <message>
        <source>%1 of %2 workers reported no result (%3); the others are merged.</source>
        <translation>%1 von %2 Workern haben kein Ergebnis gemeldet (%3); die übrigen sind zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InCluster::WorkerProtocol</name>
    <message>
        <source>Worker %1 sent a damaged histogram for second %2.</source>
        <translation>Worker %1 hat für Sekunde %2 ein beschädigtes Histogramm gesendet.</translation>
    </message>
    <message>
        <source>The result of worker %1</source>
        <translation>Das Ergebnis von Worker %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InstallSession</name>
    <message>
        <source>Existing objects</source>
        <translation>Vorhandene Objekte</translation>
    </message>
    <message>
        <source>Rolled back: what this install created is removed; objects that existed before were left as they were.</source>
        <translation>Zurückgerollt: Was diese Installation angelegt hat, ist entfernt; zuvor vorhandene Objekte blieben unverändert.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InstallWizard</name>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Bestanden</translation>
    </message>
    <message>
        <source>⚠ Warning</source>
        <translation>⚠ Warnung</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Fehlgeschlagen</translation>
    </message>
    <message>
        <source>– Skipped</source>
        <translation>– Übersprungen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Choose a service mesh</source>
        <translation>Service Mesh wählen</translation>
    </message>
    <message>
        <source>What each one is, and what this cluster already runs. Use the arrow keys to choose.</source>
        <translation>Was jedes ist und was dieser Cluster schon ausführt. Mit den Pfeiltasten wählen.</translation>
    </message>
    <message>
        <source>Not installed here</source>
        <translation>Hier nicht installiert</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 gefunden</translation>
    </message>
    <message>
        <source>%1 not on PATH</source>
        <translation>%1 nicht im PATH</translation>
    </message>
    <message>
        <source>bundled manifest (%1)</source>
        <translation>mitgeliefertes Manifest (%1)</translation>
    </message>
    <message>
        <source>Version, method and options</source>
        <translation>Version, Methode und Optionen</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Manifest file or URL:</source>
        <translation>&amp;Manifest-Datei oder URL:</translation>
    </message>
    <message>
        <source>/path/to/mesh.yaml or https://…/install.yaml</source>
        <translation>/pfad/zu/mesh.yaml oder https://…/install.yaml</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Control plane:</source>
        <translation>Control Plane:</translation>
    </message>
    <message>
        <source>m&amp;TLS:</source>
        <translation>m&amp;TLS:</translation>
    </message>
    <message>
        <source>Add-ons:</source>
        <translation>Add-ons:</translation>
    </message>
    <message>
        <source>&amp;Namespaces to inject after the install:</source>
        <translation>&amp;Namespaces, die nach der Installation injiziert werden:</translation>
    </message>
    <message>
        <source>new namespace</source>
        <translation>neuer Namespace</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63).</source>
        <translation>„%1“ ist kein gültiger Namespace-Name (Kleinbuchstaben, Ziffern und &apos;-&apos;, höchstens 63).</translation>
    </message>
    <message>
        <source>Created by the install</source>
        <translation>Wird bei der Installation angelegt</translation>
    </message>
    <message>
        <source>Choose a Manifest</source>
        <translation>Manifest wählen</translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Manifeste (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Its &amp;CLI (%1: not on PATH)</source>
        <translation>Seine &amp;CLI (%1: nicht im PATH)</translation>
    </message>
    <message>
        <source>Its &amp;CLI (%1 at %2)</source>
        <translation>Seine &amp;CLI (%1 unter %2)</translation>
    </message>
    <message>
        <source>Bundled manifest (none for %1)</source>
        <translation>Mitgeliefertes Manifest (keines für %1)</translation>
    </message>
    <message>
        <source>namespace %1 (%2 %3)</source>
        <translation>Namespace %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Always on: %1 encrypts traffic between meshed pods; there is no mode to choose.</source>
        <translation>Immer an: %1 verschlüsselt den Verkehr zwischen Pods im Mesh; es gibt keinen Modus zu wählen.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 hat keinen mesh-weiten mTLS-Modus.</translation>
    </message>
    <message>
        <source>Mesh default (PERMISSIVE: plain text still accepted)</source>
        <translation>Mesh-Standard (PERMISSIVE: Klartext wird noch angenommen)</translation>
    </message>
    <message>
        <source>STRICT: only mTLS between workloads</source>
        <translation>STRICT: nur mTLS zwischen Workloads</translation>
    </message>
    <message>
        <source>PERMISSIVE: mTLS and plain text</source>
        <translation>PERMISSIVE: mTLS und Klartext</translation>
    </message>
    <message>
        <source>Applied as PeerAuthentication &quot;default&quot; in %1.</source>
        <translation>Angewendet als PeerAuthentication „default“ in %1.</translation>
    </message>
    <message>
        <source>none offered</source>
        <translation>keine angeboten</translation>
    </message>
    <message>
        <source>Sets %1=%2 on each; restart their workloads afterwards (the last page offers it).</source>
        <translation>Setzt %1=%2 auf jedem; danach ihre Workloads neu starten (die letzte Seite bietet es an).</translation>
    </message>
    <message>
        <source>%1 runs without sidecars.</source>
        <translation>%1 läuft ohne Sidecars.</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>Can this cluster take it? Nothing has been changed yet.</source>
        <translation>Kann dieser Cluster es aufnehmen? Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;The plan cannot be made.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Der Plan kann nicht erstellt werden.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;A check failed.&lt;/b&gt; Fix what it says, then check again, or go back and choose differently.</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Eine Prüfung ist fehlgeschlagen.&lt;/b&gt; Beheben Sie, was sie nennt, und prüfen Sie erneut, oder gehen Sie zurück und wählen Sie anders.</translation>
    </message>
    <message numerus="yes">
        <source>Ready, with %n warning(s): read them before you go on.</source>
        <translation>
            <numerusform>Bereit, mit %n Warnung: lesen Sie sie, bevor Sie fortfahren.</numerusform>
            <numerusform>Bereit, mit %n Warnungen: lesen Sie sie, bevor Sie fortfahren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything checked out. Next: the full plan.</source>
        <translation>Alles in Ordnung. Weiter: der vollständige Plan.</translation>
    </message>
    <message>
        <source>Making the plan and asking the cluster…</source>
        <translation>Plan wird erstellt und der Cluster befragt…</translation>
    </message>
    <message>
        <source>Review the plan</source>
        <translation>Plan prüfen</translation>
    </message>
    <message>
        <source>Everything the install will run and apply, in order. Objects that already exist are changes.</source>
        <translation>Alles, was die Installation ausführt und anwendet, in Reihenfolge. Bereits vorhandene Objekte sind Änderungen.</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1 new object(s), %2 change(s) to existing ones.</source>
        <translation>%1 neue(s) Objekt(e), %2 Änderung(en) an vorhandenen.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>output applied</source>
        <translation>Ausgabe wird angewendet</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>wird ausgeführt</translation>
    </message>
    <message>
        <source>Objects (%1, CRDs first, webhooks last)</source>
        <translation>Objekte (%1, CRDs zuerst, Webhooks zuletzt)</translation>
    </message>
    <message>
        <source>exists: change</source>
        <translation>vorhanden: Änderung</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Injection on for %1</source>
        <translation>Injektion an für %1</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Installation läuft</translation>
    </message>
    <message>
        <source>Each object is applied in turn; Stop halts after the current one and offers a rollback.</source>
        <translation>Jedes Objekt wird nacheinander angewendet; Anhalten stoppt nach dem aktuellen und bietet ein Zurückrollen an.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Bei</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurückrollen</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Take Over Conflicting Fields</source>
        <translation>&amp;Konfliktfelder übernehmen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt angehalten…</translation>
    </message>
    <message>
        <source>Rolling back what this install created…</source>
        <translation>Was diese Installation angelegt hat, wird zurückgerollt…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applied.&lt;/b&gt; %1 object(s) in %2 s. Next: verification.</source>
        <translation>&lt;b&gt;Angewendet.&lt;/b&gt; %1 Objekt(e) in %2 s. Weiter: Überprüfung.</translation>
    </message>
    <message>
        <source>Applied every step.</source>
        <translation>Alle Schritte angewendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped&lt;/b&gt; after %1 of %2 objects. Roll back to remove what was created, or resume.</source>
        <translation>&lt;b&gt;Angehalten&lt;/b&gt; nach %1 von %2 Objekten. Zurückrollen, um Angelegtes zu entfernen, oder fortsetzen.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Failed&lt;/b&gt; after %1 of %2 objects: %3</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Fehlgeschlagen&lt;/b&gt; nach %1 von %2 Objekten: %3</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Rollback stopped:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Zurückrollen abgebrochen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>wird angewendet…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>kept (existed before)</source>
        <translation>behalten (war vorher da)</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Install &amp;Again</source>
        <translation>&amp;Erneut installieren</translation>
    </message>
    <message>
        <source>Resuming at step %1…</source>
        <translation>Fortsetzen bei Schritt %1…</translation>
    </message>
    <message>
        <source>Applying, taking over conflicting fields…</source>
        <translation>Wird angewendet, Konfliktfelder werden übernommen…</translation>
    </message>
    <message>
        <source>Applying with server-side apply…</source>
        <translation>Wird mit Server-side Apply angewendet…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Is it running? The control plane&apos;s pods, the add-ons, and a dry-run pod through the injection webhook.</source>
        <translation>Läuft es? Die Pods der Control Plane, die Add-ons und ein Probe-Pod (dry run) durch den Injektions-Webhook.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#2e9d4f&quot;&gt;%1 is installed and working.&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#2e9d4f&quot;&gt;%1 ist installiert und funktioniert.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Installed, but not working yet.&lt;/b&gt; The failed check says why.</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Installiert, funktioniert aber noch nicht.&lt;/b&gt; Die fehlgeschlagene Prüfung sagt, warum.</translation>
    </message>
    <message>
        <source>Waiting for the control plane to become Ready…</source>
        <translation>Warten, bis die Control Plane bereit ist…</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Put an application in the mesh and look at it.</source>
        <translation>Eine Anwendung ins Mesh bringen und ansehen.</translation>
    </message>
    <message>
        <source>&amp;Deploy Bookinfo, injected, into:</source>
        <translation>Bookinfo mit Injektion &amp;bereitstellen in:</translation>
    </message>
    <message>
        <source>Open &amp;Topology</source>
        <translation>&amp;Topologie öffnen</translation>
    </message>
    <message>
        <source>%1 runs in %2. Deploy a sample into a namespace with injection on, then watch its traffic and mTLS on the Topology page; measure the mesh&apos;s overhead on the Performance page.</source>
        <translation>%1 läuft in %2. Stellen Sie ein Beispiel in einem Namespace mit Injektion bereit, beobachten Sie Verkehr und mTLS auf der Seite Topologie und messen Sie den Mehraufwand des Mesh auf der Seite Leistung.</translation>
    </message>
    <message>
        <source>Restart the workloads of %1 (to add sidecars)</source>
        <translation>Workloads von %1 neu starten (um Sidecars hinzuzufügen)</translation>
    </message>
    <message>
        <source>Restarting the workloads of %1…</source>
        <translation>Workloads von %1 werden neu gestartet…</translation>
    </message>
    <message>
        <source>Install a Service Mesh</source>
        <translation>Service Mesh installieren</translation>
    </message>
    <message>
        <source>Installed here: %1, %2/%3 Ready</source>
        <translation>Hier installiert: %1, %2/%3 bereit</translation>
    </message>
    <message>
        <source>B&amp;undled manifest (%1 %2, made for the demo cluster; works offline)</source>
        <translation>Mitgeliefertes Man&amp;ifest (%1 %2, für den Demo-Cluster gemacht; funktioniert offline)</translation>
    </message>
    <message>
        <source>B&amp;undled manifest (%1 %2: for the demo cluster only, not this one)</source>
        <translation>Mitgeliefertes Man&amp;ifest (%1 %2: nur für den Demo-Cluster, nicht diesen)</translation>
    </message>
    <message>
        <source>A release manifest of %1 (file or https URL); or install %2 (%3) and come back</source>
        <translation>Ein Release-Manifest von %1 (Datei oder https-URL); oder installieren Sie %2 (%3) und kommen Sie zurück</translation>
    </message>
    <message>
        <source>Helm charts (none Meshdeck can render for %1)</source>
        <translation>Helm-Charts (keine, die Meshdeck für %1 rendern kann)</translation>
    </message>
    <message>
        <source>&amp;Helm charts (helm: not on PATH)</source>
        <translation>He&amp;lm-Charts (helm: nicht im PATH)</translation>
    </message>
    <message>
        <source>&amp;Helm charts, rendered by helm into the plan</source>
        <translation>He&amp;lm-Charts, von helm in den Plan gerendert</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ChannelSocket</name>
    <message>
        <source>Cannot %1: the API server did not answer within %2 s. Check that it is up and reachable.</source>
        <translation>%1 nicht möglich: Der API-Server hat nicht innerhalb von %2 s geantwortet. Prüfen Sie, ob er läuft und erreichbar ist.</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>%1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot %1: the server&apos;s answer to the WebSocket request is not valid (a proxy in between may not pass WebSockets).</source>
        <translation>%1 nicht möglich: Die Antwort des Servers auf die WebSocket-Anfrage ist ungültig (ein Proxy dazwischen lässt WebSockets womöglich nicht durch).</translation>
    </message>
    <message>
        <source>Cannot %1: out of memory.</source>
        <translation>%1 nicht möglich: kein Speicher mehr frei.</translation>
    </message>
    <message>
        <source>The WebSocket connection failed while sending.</source>
        <translation>Die WebSocket-Verbindung ist beim Senden abgebrochen.</translation>
    </message>
    <message>
        <source>The API server sent something that is not a WebSocket frame.</source>
        <translation>Der API-Server hat etwas gesendet, das kein WebSocket-Frame ist.</translation>
    </message>
    <message>
        <source>Cannot %1: the API server refused the WebSocket upgrade%2. It may speak only SPDY for streams (Kubernetes before 1.29, or a proxy in front of it that does not pass WebSockets); Meshdeck needs WebSocket support, kubectl can still use SPDY there.</source>
        <translation>%1 nicht möglich: Der API-Server lehnte den Wechsel zu WebSocket ab%2. Vielleicht spricht er für Streams nur SPDY (Kubernetes vor 1.29 oder ein Proxy davor, der keine WebSockets durchlässt); Meshdeck braucht WebSocket, kubectl kann dort noch SPDY benutzen.</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ClusterConnection</name>
    <message>
        <source>%1 Reconnecting…</source>
        <translation>%1 Verbinde erneut …</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ExecCredentialProvider</name>
    <message>
        <source>The credential plugin of user &quot;%1&quot; asks for %2; Meshdeck supports client.authentication.k8s.io/v1 and v1beta1. Update the plugin or its apiVersion in the kubeconfig.</source>
        <translation>Das Anmelde-Plugin von Benutzer „%1“ verlangt %2; Meshdeck unterstützt client.authentication.k8s.io/v1 und v1beta1. Aktualisieren Sie das Plugin oder seine apiVersion in der kubeconfig.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; was not found on PATH.</source>
        <translation>Das Anmelde-Plugin „%1“ von Benutzer „%2“ wurde im PATH nicht gefunden.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; could not be started: %2</source>
        <translation>Das Anmelde-Plugin „%1“ konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; did not finish within %2 seconds. It may be waiting for a login in a browser or terminal: run it once by hand.</source>
        <translation>Das Anmelde-Plugin „%1“ wurde nicht innerhalb von %2 Sekunden fertig. Es wartet möglicherweise auf eine Anmeldung im Browser oder Terminal: Führen Sie es einmal von Hand aus.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; failed (exit code %3)%4</source>
        <translation>Das Anmelde-Plugin „%1“ von Benutzer „%2“ ist fehlgeschlagen (Exit-Code %3)%4</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; printed something that is not an ExecCredential with a status. Run it by hand to see what it prints.</source>
        <translation>Das Anmelde-Plugin „%1“ hat etwas ausgegeben, das kein ExecCredential mit Status ist. Führen Sie es von Hand aus, um die Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; returned neither a token nor a client certificate and key.</source>
        <translation>Das Anmelde-Plugin „%1“ hat weder ein Token noch ein Client-Zertifikat mit Schlüssel geliefert.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ForwardTunnel</name>
    <message>
        <source>Cannot %1: %2</source>
        <translation>%1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::KubeClient</name>
    <message>
        <source>Context &quot;%1&quot;</source>
        <translation>Kontext „%1“</translation>
    </message>
    <message>
        <source>The cluster of context &quot;%1&quot; rejected the credentials of user &quot;%2&quot; (401 Unauthorized). They may have expired: log in again, or check the user in your kubeconfig.</source>
        <translation>Der Cluster des Kontexts „%1“ hat die Zugangsdaten von Benutzer „%2“ abgelehnt (401 Unauthorized). Sie sind möglicherweise abgelaufen: Melden Sie sich erneut an, oder prüfen Sie den Benutzer in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>Not allowed in context &quot;%1&quot;: %2. Ask a cluster administrator for this permission, or use a context whose user has it.</source>
        <translation>Im Kontext „%1“ nicht erlaubt: %2. Bitten Sie einen Cluster-Administrator um diese Berechtigung, oder verwenden Sie einen Kontext, dessen Benutzer sie hat.</translation>
    </message>
    <message>
        <source>Not found in context &quot;%1&quot;: %2</source>
        <translation>Im Kontext „%1“ nicht gefunden: %2</translation>
    </message>
    <message>
        <source>Conflict in context &quot;%1&quot;: %2</source>
        <translation>Konflikt im Kontext „%1“: %2</translation>
    </message>
    <message>
        <source>The data requested from context &quot;%1&quot; is no longer available: %2</source>
        <translation>Die im Kontext „%1“ angefragten Daten sind nicht mehr verfügbar: %2</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; is rate-limiting requests; try again shortly.</source>
        <translation>Der API-Server des Kontexts „%1“ drosselt Anfragen; versuchen Sie es gleich erneut.</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; answered with an error (%2): %3. Try again later.</source>
        <translation>Der API-Server des Kontexts „%1“ hat mit einem Fehler geantwortet (%2): %3. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The request was refused in context &quot;%1&quot; (%2): %3</source>
        <translation>Die Anfrage wurde im Kontext „%1“ abgelehnt (%2): %3</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; sent a reply that is not a JSON object.</source>
        <translation>Der API-Server des Kontexts „%1“ hat eine Antwort gesendet, die kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <source>The watch stream of context &quot;%1&quot; carried a malformed event; it will be restarted.</source>
        <translation>Der Watch-Stream des Kontexts „%1“ enthielt ein fehlerhaftes Ereignis; er wird neu gestartet.</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; did not answer within %2 s (Meshdeck&apos;s request timeout). It may be overloaded, or something between you and it holds the connection: try again, or check the server.</source>
        <translation>Der API-Server des Kontexts „%1“ hat nicht binnen %2 s geantwortet (Meshdecks Zeitlimit für Anfragen). Er ist vielleicht überlastet, oder etwas zwischen Ihnen und ihm hält die Verbindung fest: versuchen Sie es erneut, oder prüfen Sie den Server.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::Kubeconfig</name>
    <message>
        <source>%1 of &quot;%2&quot; in %3 is not valid base64. Re-export the credentials, or use %4 to point to a PEM file instead.</source>
        <translation>%1 von „%2“ in %3 ist kein gültiges Base64. Exportieren Sie die Zugangsdaten erneut, oder verweisen Sie mit %4 stattdessen auf eine PEM-Datei.</translation>
    </message>
    <message>
        <source>%1 of &quot;%2&quot; in %3 does not hold PEM data (no &quot;-----BEGIN&quot; line after decoding).</source>
        <translation>%1 von „%2“ in %3 enthält keine PEM-Daten (nach dem Dekodieren keine „-----BEGIN“-Zeile).</translation>
    </message>
    <message>
        <source>The kubeconfig %1 does not exist. Check the path, or leave --kubeconfig out to use $KUBECONFIG or ~/.kube/config.</source>
        <translation>Die kubeconfig %1 existiert nicht. Prüfen Sie den Pfad, oder lassen Sie --kubeconfig weg, um $KUBECONFIG oder ~/.kube/config zu verwenden.</translation>
    </message>
    <message>
        <source>No kubeconfig found (looked for %1). Create one with your cloud&apos;s CLI or kubectl, or start the demo cluster with &apos;meshdeck demo-cluster --kubeconfig FILE&apos;.</source>
        <translation>Keine kubeconfig gefunden (gesucht: %1). Legen Sie eine mit dem CLI Ihrer Cloud oder mit kubectl an, oder starten Sie den Demo-Cluster mit „meshdeck demo-cluster --kubeconfig DATEI“.</translation>
    </message>
    <message>
        <source>The kubeconfig %1 cannot be parsed</source>
        <translation>Die kubeconfig %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The kubeconfig %1 is not a kubeconfig: its top level is not a map.</source>
        <translation>Die Datei %1 ist keine kubeconfig: Ihre oberste Ebene ist keine Zuordnung.</translation>
    </message>
    <message>
        <source>No context is selected in %1. Choose one with --context NAME or &apos;kubectl config use-context NAME&apos;.</source>
        <translation>In %1 ist kein Kontext ausgewählt. Wählen Sie einen mit --context NAME oder „kubectl config use-context NAME“.</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; is not in %2. Known contexts: %3.</source>
        <translation>Der Kontext „%1“ ist nicht in %2. Bekannte Kontexte: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; refers to the cluster &quot;%2&quot;, which %3 does not define.</source>
        <translation>Der Kontext „%1“ verweist auf den Cluster „%2“, den %3 nicht definiert.</translation>
    </message>
    <message>
        <source>The cluster &quot;%1&quot; of context &quot;%2&quot; has no server address.</source>
        <translation>Der Cluster „%1“ des Kontexts „%2“ hat keine Serveradresse.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; of cluster &quot;%2&quot; is not an http or https URL.</source>
        <translation>Die Serveradresse „%1“ des Clusters „%2“ ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; refers to the user &quot;%2&quot;, which %3 does not define.</source>
        <translation>Der Kontext „%1“ verweist auf den Benutzer „%2“, den %3 nicht definiert.</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; authenticates with the legacy auth-provider &quot;%2&quot;, which Kubernetes removed. Switch it to an exec credential plugin (for GKE: gke-gcloud-auth-plugin; for Azure: kubelogin convert-kubeconfig).</source>
        <translation>Der Benutzer „%1“ meldet sich mit dem veralteten auth-provider „%2“ an, den Kubernetes entfernt hat. Stellen Sie auf ein Exec-Anmelde-Plugin um (GKE: gke-gcloud-auth-plugin; Azure: kubelogin convert-kubeconfig).</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; has a client certificate without its key, or a key without its certificate. Both are needed.</source>
        <translation>Der Benutzer „%1“ hat ein Client-Zertifikat ohne Schlüssel oder einen Schlüssel ohne Zertifikat. Beides wird benötigt.</translation>
    </message>
    <message>
        <source>The %1 file of &quot;%2&quot; cannot be read: %3 Check the path in your kubeconfig.</source>
        <translation>Die %1-Datei von „%2“ kann nicht gelesen werden: %3 Prüfen Sie den Pfad in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>Reading the kubeconfig</source>
        <translation>Lesen der kubeconfig</translation>
    </message>
    <message>
        <source>the credential of the exec plugin %1</source>
        <translation>die Anmeldedaten des exec-Plugins %1</translation>
    </message>
    <message>
        <source>the token</source>
        <translation>das Token</translation>
    </message>
    <message>
        <source>the user name and password</source>
        <translation>Benutzername und Passwort</translation>
    </message>
    <message>
        <source>The API server %1 is reached over plain HTTP: %2 of user %3 travels unencrypted, readable by anyone on the path. Use an https:// server address.</source>
        <translation>Der API-Server %1 wird über unverschlüsseltes HTTP erreicht: %2 von Benutzer %3 geht unverschlüsselt über das Netz, lesbar für jeden auf dem Weg. Verwenden Sie eine https://-Serveradresse.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::PodExec</name>
    <message>
        <source>run a command in pod %1</source>
        <translation>einen Befehl in Pod %1 ausführen</translation>
    </message>
    <message>
        <source>The connection to the cluster closed before the command ended (the pod may have been deleted, or the network dropped).</source>
        <translation>Die Verbindung zum Cluster endete, bevor der Befehl fertig war (der Pod wurde vielleicht gelöscht oder das Netz brach ab).</translation>
    </message>
    <message>
        <source>The connection to the cluster broke before the command ended: %1</source>
        <translation>Die Verbindung zum Cluster ist abgebrochen, bevor der Befehl endete: %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::PortForwarder</name>
    <message>
        <source>Local port %1 is in use by another program. Port %2 is free: forward %2:%3 instead.</source>
        <translation>Der lokale Port %1 wird von einem anderen Programm benutzt. Port %2 ist frei: leiten Sie stattdessen %2:%3 weiter.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>Pod %1 is not running (phase %2): there is nothing to forward to yet.</source>
        <translation>Pod %1 läuft nicht (Phase %2): noch gibt es nichts, wohin weitergeleitet werden kann.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Service %1 has no port %2.</source>
        <translation>Service %1 hat keinen Port %2.</translation>
    </message>
    <message>
        <source>Service %1 selects no pods (it has no selector): forward to a pod instead.</source>
        <translation>Service %1 wählt keine Pods aus (er hat keinen Selektor): leiten Sie stattdessen zu einem Pod weiter.</translation>
    </message>
    <message>
        <source>No ready pod behind Service %1 (%2 selected): try again when one is ready.</source>
        <translation>Kein bereiter Pod hinter Service %1 (%2 ausgewählt): versuchen Sie es erneut, wenn einer bereit ist.</translation>
    </message>
    <message>
        <source>Service %1&apos;s target port &quot;%2&quot; is not a port of pod %3.</source>
        <translation>Der Zielport „%2“ von Service %1 ist kein Port von Pod %3.</translation>
    </message>
    <message>
        <source>forward a port to pod %1</source>
        <translation>einen Port zu Pod %1 weiterleiten</translation>
    </message>
</context>
<context>
    <name>Meshdeck::LifecycleController</name>
    <message>
        <source>Uninstall %1</source>
        <translation>%1 deinstallieren</translation>
    </message>
    <message>
        <source>Injection on for %1</source>
        <translation>Injektion an für %1</translation>
    </message>
    <message>
        <source>Injection off for %1</source>
        <translation>Injektion aus für %1</translation>
    </message>
    <message>
        <source>Restart the namespace&apos;s workloads for the change to reach their pods.</source>
        <translation>Starten Sie die Workloads des Namespaces neu, damit die Änderung ihre Pods erreicht.</translation>
    </message>
    <message>
        <source>Deploy %1 in %2</source>
        <translation>%1 in %2 bereitstellen</translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message>
        <source>Restart workloads in %1</source>
        <translation>Workloads in %1 neu starten</translation>
    </message>
    <message>
        <source>Restarted %1</source>
        <translation>%1 neu gestartet</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) restarted in %1; their new pods follow the namespace&apos;s injection setting.</source>
        <translation>
            <numerusform>%n Workload in %1 neu gestartet; die neuen Pods folgen der Injektionseinstellung des Namespace.</numerusform>
            <numerusform>%n Workloads in %1 neu gestartet; die neuen Pods folgen der Injektionseinstellung des Namespace.</numerusform>
        </translation>
    </message>
    <message>
        <source>mTLS %1</source>
        <translation>mTLS %1</translation>
    </message>
    <message>
        <source>Mesh-wide mTLS is now %1.</source>
        <translation>Mesh-weites mTLS ist jetzt %1.</translation>
    </message>
    <message>
        <source>Route traffic for %1 in %2</source>
        <translation>Verkehr für %1 in %2 lenken</translation>
    </message>
    <message>
        <source>Apply %1 %2</source>
        <translation>%1 %2 anwenden</translation>
    </message>
    <message>
        <source>Applied: %1 of %2 follows the new routing within a refresh.</source>
        <translation>Angewendet: %1 in %2 folgt dem neuen Routing innerhalb einer Aktualisierung.</translation>
    </message>
    <message>
        <source>Remove traffic rules for %1 in %2</source>
        <translation>Verkehrsregeln für %1 in %2 entfernen</translation>
    </message>
    <message>
        <source>Meshdeck&apos;s rules for %1 are removed.</source>
        <translation>Meshdecks Regeln für %1 sind entfernt.</translation>
    </message>
    <message>
        <source>This user may not change VirtualServices in %1 (ask for patch on networking.istio.io).</source>
        <translation>Dieser Benutzer darf VirtualServices in %1 nicht ändern (fragen Sie nach patch auf networking.istio.io).</translation>
    </message>
    <message>
        <source>This user may not change HTTPRoutes in %1 (ask for patch on gateway.networking.k8s.io).</source>
        <translation>Dieser Benutzer darf HTTPRoutes in %1 nicht ändern (fragen Sie nach patch auf gateway.networking.k8s.io).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::LifecyclePage</name>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <source>%1: FAILED</source>
        <translation>%1: FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Service meshes</source>
        <translation>Service-Meshes</translation>
    </message>
    <message>
        <source>Sidecar injection</source>
        <translation>Sidecar-Injektion</translation>
    </message>
    <message>
        <source>Sample applications</source>
        <translation>Beispielanwendungen</translation>
    </message>
    <message>
        <source>Operation log</source>
        <translation>Vorgangsprotokoll</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Mesh</translation>
    </message>
    <message>
        <source>In this cluster</source>
        <translation>In diesem Cluster</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Installieren …</translation>
    </message>
    <message>
        <source>&amp;Uninstall…</source>
        <translation>&amp;Deinstallieren …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Inject &amp;sidecars first</source>
        <translation>Zuerst &amp;Sidecars injizieren</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>%1, %2 of %3 ready</source>
        <translation>%1, %2 von %3 bereit</translation>
    </message>
    <message>
        <source>CRDs only (control plane missing)</source>
        <translation>nur CRDs (Control Plane fehlt)</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>Uninstall %1</source>
        <translation>%1 deinstallieren</translation>
    </message>
    <message>
        <source>Name the namespace to deploy the sample in.</source>
        <translation>Nennen Sie den Namespace, in dem das Beispiel bereitgestellt wird.</translation>
    </message>
    <message>
        <source>No steps were recorded.</source>
        <translation>Es wurden keine Schritte aufgezeichnet.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Restart &amp;Workloads</source>
        <translation>&amp;Workloads neu starten</translation>
    </message>
    <message>
        <source>Restart the selected namespace&apos;s workloads so that their pods get (or lose) sidecars</source>
        <translation>Die Workloads des gewählten Namespace neu starten, damit ihre Pods Sidecars erhalten (oder verlieren)</translation>
    </message>
    <message>
        <source>m&amp;TLS:</source>
        <translation>m&amp;TLS:</translation>
    </message>
    <message>
        <source>default (not set)</source>
        <translation>Standard (nicht gesetzt)</translation>
    </message>
    <message>
        <source>always on</source>
        <translation>immer an</translation>
    </message>
    <message>
        <source>no mesh</source>
        <translation>kein Mesh</translation>
    </message>
    <message>
        <source>Install verified.</source>
        <translation>Installation überprüft.</translation>
    </message>
    <message>
        <source>Install not verified.</source>
        <translation>Installation nicht bestätigt.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1&apos;s control plane, add-ons and CRDs (%n object(s), listed under Details)? Namespaces are kept; injected workloads keep their sidecars until they restart.</source>
        <translation>
            <numerusform>Control Plane, Add-ons und CRDs von %1 entfernen (%n Objekt, unter Details aufgeführt)? Namespaces bleiben erhalten; injizierte Workloads behalten ihre Sidecars bis zum Neustart.</numerusform>
            <numerusform>Control Plane, Add-ons und CRDs von %1 entfernen (%n Objekte, unter Details aufgeführt)? Namespaces bleiben erhalten; injizierte Workloads behalten ihre Sidecars bis zum Neustart.</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click an operation for its steps.</source>
        <translation>Doppelklick auf einen Vorgang zeigt seine Schritte.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;App:</source>
        <translation>A&amp;pp:</translation>
    </message>
    <message>
        <source>Restart &amp;Workloads in %1</source>
        <translation>&amp;Workloads in %1 neu starten</translation>
    </message>
    <message>
        <source>Sidecars injected (no mesh installed)</source>
        <translation>Sidecars injiziert (kein Mesh installiert)</translation>
    </message>
    <message>
        <source>%1 sidecars injected</source>
        <translation>%1-Sidecars injiziert</translation>
    </message>
    <message>
        <source>in namespac&amp;e:</source>
        <translation>im &amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Open Dashboard</source>
        <translation>Dashboard ö&amp;ffnen</translation>
    </message>
    <message>
        <source>%1 (%2/%3:%4)</source>
        <translation>%1 (%2/%3:%4)</translation>
    </message>
    <message>
        <source>Forwarding %1/%2:%3 for %4…</source>
        <translation>Leite %1/%2:%3 für %4 weiter …</translation>
    </message>
    <message>
        <source>Open a running add-on&apos;s web UI in the browser, through a port forward (listed on the Clusters page under Port Forwards)</source>
        <translation>Die Weboberfläche eines laufenden Add-ons im Browser öffnen, über eine Portweiterleitung (aufgeführt auf der Seite Cluster unter Portweiterleitungen)</translation>
    </message>
    <message>
        <source>No add-on with a web UI runs in this cluster. The install wizard adds Prometheus, Grafana, Jaeger and Kiali to Istio, and Viz to Linkerd.</source>
        <translation>In diesem Cluster läuft kein Add-on mit Weboberfläche. Der Installationsassistent fügt Istio Prometheus, Grafana, Jaeger und Kiali hinzu, Linkerd Viz.</translation>
    </message>
    <message>
        <source>add-ons: %1</source>
        <translation>Add-ons: %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::MainWindow</name>
    <message>
        <source>Meshdeck</source>
        <translation>Meshdeck</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Meshdeck</source>
        <translation>Ü&amp;ber Meshdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>demo Bookinfo productpage</source>
        <translation>Demo-Bookinfo-productpage</translation>
    </message>
    <message>
        <source>demo Bookinfo productpage through sidecars</source>
        <translation>Demo-Bookinfo-productpage über Sidecars</translation>
    </message>
    <message>
        <source>Not connected: choose a context first.</source>
        <translation>Nicht verbunden: wählen Sie zuerst einen Kontext.</translation>
    </message>
    <message>
        <source>Route Traffic</source>
        <translation>Verkehr lenken</translation>
    </message>
    <message>
        <source>Another operation is running; apply again when it has ended (Lifecycle page).</source>
        <translation>Ein anderer Vorgang läuft; wenden Sie erneut an, wenn er beendet ist (Seite Lebenszyklus).</translation>
    </message>
    <message>
        <source>Another operation is running; try again when it has ended (Lifecycle page).</source>
        <translation>Ein anderer Vorgang läuft; versuchen Sie es erneut, wenn er beendet ist (Seite Lebenszyklus).</translation>
    </message>
    <message>
        <source>Opened %1 in the browser. The forward stays on the Clusters page under Port Forwards until stopped or disconnected.</source>
        <translation>%1 im Browser geöffnet. Die Weiterleitung bleibt auf der Seite Cluster unter Portweiterleitungen, bis sie beendet oder die Verbindung getrennt wird.</translation>
    </message>
    <message>
        <source>Could not forward %1: %2</source>
        <translation>%1 konnte nicht weitergeleitet werden: %2</translation>
    </message>
    <message>
        <source>Routing %1 needs Istio&apos;s networking.istio.io/v1 kinds (VirtualService, DestinationRule) or the Gateway API&apos;s HTTPRoute (gateway.networking.k8s.io/v1), and this cluster serves neither. Install Istio, or Linkerd with the Gateway API&apos;s CRDs, on the Lifecycle page first.</source>
        <translation>Das Routing von %1 braucht Istios Arten aus networking.istio.io/v1 (VirtualService, DestinationRule) oder die HTTPRoute der Gateway API (gateway.networking.k8s.io/v1), und dieser Cluster bietet keines davon. Installieren Sie zuerst Istio oder Linkerd mit den CRDs der Gateway API auf der Seite Lebenszyklus.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Catalog</name>
    <message>
        <source>Envoy sidecars (or ambient mode) with rich traffic management, mTLS and telemetry; the most featureful and the heaviest.</source>
        <translation>Envoy-Sidecars (oder Ambient-Modus) mit umfangreicher Verkehrssteuerung, mTLS und Telemetrie; das funktionsreichste und schwerste Mesh.</translation>
    </message>
    <message>
        <source>A small Rust micro-proxy per pod, mTLS on by default, little to configure; the lightest sidecar mesh.</source>
        <translation>Ein kleiner Rust-Mikroproxy je Pod, mTLS standardmäßig an, wenig zu konfigurieren; das leichteste Sidecar-Mesh.</translation>
    </message>
    <message>
        <source>HashiCorp&apos;s service networking: Envoy sidecars with Consul&apos;s catalog, reaching VMs and several clusters.</source>
        <translation>Service-Networking von HashiCorp: Envoy-Sidecars mit dem Katalog von Consul, erreicht auch VMs und mehrere Cluster.</translation>
    </message>
    <message>
        <source>Envoy-based mesh from Kong for Kubernetes and VMs, with multi-zone control planes and policy CRDs.</source>
        <translation>Envoy-basiertes Mesh von Kong für Kubernetes und VMs, mit Control Planes über mehrere Zonen und Richtlinien-CRDs.</translation>
    </message>
    <message>
        <source>eBPF networking with a sidecarless mesh: per-node Envoy, identity-based policy and Hubble observability.</source>
        <translation>eBPF-Networking mit einem Mesh ohne Sidecars: Envoy je Node, identitätsbasierte Richtlinien und Beobachtbarkeit mit Hubble.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::ConfigChecks</name>
    <message>
        <source>It is bound to the Gateway %1/%2, which does not exist: traffic through that gateway is not routed by it. Create the Gateway or correct the name (namespace/name, or a name in %3).</source>
        <translation>Er ist an das Gateway %1/%2 gebunden, das nicht existiert: Verkehr durch dieses Gateway wird nicht von ihm geroutet. Legen Sie das Gateway an oder korrigieren Sie den Namen (Namespace/Name oder ein Name in %3).</translation>
    </message>
    <message>
        <source>Its route sends traffic to %1, but no Service or ServiceEntry has that host: requests get 503. Correct the host or create the Service.</source>
        <translation>Seine Route schickt Verkehr an %1, aber kein Service und kein ServiceEntry hat diesen Host: Anfragen erhalten 503. Korrigieren Sie den Host oder legen Sie den Service an.</translation>
    </message>
    <message>
        <source>A route weight is outside 0 to 100. Give each destination a share between 0 and 100.</source>
        <translation>Ein Routengewicht liegt außerhalb von 0 bis 100. Geben Sie jedem Ziel einen Anteil zwischen 0 und 100.</translation>
    </message>
    <message>
        <source>The weights of its %1 destinations add up to %2, not 100: Istio rejects them or rescales them silently. Make them sum to 100.</source>
        <translation>Die Gewichte seiner %1 Ziele ergeben zusammen %2, nicht 100: Istio lehnt sie ab oder skaliert sie stillschweigend um. Sorgen Sie für die Summe 100.</translation>
    </message>
    <message>
        <source>It routes to subset %1 of %2, but no DestinationRule defines subsets for that host: requests get 503 (no healthy upstream). Add a DestinationRule with the subset.</source>
        <translation>Er routet zum Subset %1 von %2, aber keine DestinationRule definiert Subsets für diesen Host: Anfragen erhalten 503 (no healthy upstream). Legen Sie eine DestinationRule mit dem Subset an.</translation>
    </message>
    <message>
        <source>It routes to subset %1 of %2, which no DestinationRule defines (defined: %3): requests get 503. Add the subset or correct the name.</source>
        <translation>Er routet zum Subset %1 von %2, das keine DestinationRule definiert (definiert: %3): Anfragen erhalten 503. Fügen Sie das Subset hinzu oder korrigieren Sie den Namen.</translation>
    </message>
    <message>
        <source>Its fault injection applies to %1 % of requests; a percentage is 0 to 100.</source>
        <translation>Seine Fehlerinjektion gilt für %1 % der Anfragen; ein Prozentsatz liegt zwischen 0 und 100.</translation>
    </message>
    <message>
        <source>The VirtualServices %1 all route %2 in this namespace: only one of them takes effect for the mesh, and which one is not defined. Merge them into one.</source>
        <translation>Die VirtualServices %1 routen alle %2 in diesem Namespace: Nur einer davon wirkt im Mesh, und welcher, ist nicht festgelegt. Führen Sie sie zu einem zusammen.</translation>
    </message>
    <message>
        <source>Its host %1 matches no Service or ServiceEntry, so its policies apply to nothing. Correct the host or remove the rule.</source>
        <translation>Ihr Host %1 passt zu keinem Service und keinem ServiceEntry, ihre Richtlinien gelten also für nichts. Korrigieren Sie den Host oder entfernen Sie die Regel.</translation>
    </message>
    <message>
        <source>Its subset %1 (%2) selects no running pod of the Service %3/%4: traffic routed to it gets 503. Deploy that version or correct the labels.</source>
        <translation>Ihr Subset %1 (%2) wählt keinen laufenden Pod des Service %3/%4 aus: Dorthin gerouteter Verkehr erhält 503. Stellen Sie diese Version bereit oder korrigieren Sie die Labels.</translation>
    </message>
    <message>
        <source>It sends plain text (tls.mode DISABLE), but the PeerAuthentication %1 requires mutual TLS (STRICT) from the workloads it reaches: their proxies reset the connections. Use ISTIO_MUTUAL, or relax the PeerAuthentication.</source>
        <translation>Sie sendet Klartext (tls.mode DISABLE), aber die PeerAuthentication %1 verlangt gegenseitiges TLS (STRICT) für die erreichten Workloads: Deren Proxys setzen die Verbindungen zurück. Verwenden Sie ISTIO_MUTUAL oder lockern Sie die PeerAuthentication.</translation>
    </message>
    <message>
        <source>Its selector (%1) matches no running pod, so no gateway proxy serves it. Install the ingress gateway or correct the selector.</source>
        <translation>Sein Selektor (%1) passt zu keinem laufenden Pod, also bedient es kein Gateway-Proxy. Installieren Sie das Ingress-Gateway oder korrigieren Sie den Selektor.</translation>
    </message>
    <message>
        <source>Its parent is the Service %1/%2, which does not exist: the mesh applies the route to nothing. Correct the parentRef or create the Service.</source>
        <translation>Ihr Parent ist der Service %1/%2, der nicht existiert: Das Mesh wendet die Route auf nichts an. Korrigieren Sie die parentRef oder legen Sie den Service an.</translation>
    </message>
    <message>
        <source>Its parent is the Gateway %1/%2, which does not exist: no listener serves the route. Correct the parentRef or create the Gateway.</source>
        <translation>Ihr Parent ist das Gateway %1/%2, das nicht existiert: Kein Listener bedient die Route. Korrigieren Sie die parentRef oder legen Sie das Gateway an.</translation>
    </message>
    <message>
        <source>Its backend is the Service %1/%2, which does not exist: requests routed to it get 500. Correct the backendRef or create the Service.</source>
        <translation>Ihr Backend ist der Service %1/%2, der nicht existiert: Dorthin geroutete Anfragen erhalten 500. Korrigieren Sie die backendRef oder legen Sie den Service an.</translation>
    </message>
    <message>
        <source>Its backend %1/%2 names no port; a Service backend needs one. Add the port (the Service has %3).</source>
        <translation>Ihr Backend %1/%2 nennt keinen Port; ein Service-Backend braucht einen. Ergänzen Sie den Port (der Service hat %3).</translation>
    </message>
    <message>
        <source>Its backend %1/%2 has no port %3 (its ports: %4). Correct the port.</source>
        <translation>Ihr Backend %1/%2 hat keinen Port %3 (seine Ports: %4). Korrigieren Sie den Port.</translation>
    </message>
    <message>
        <source>Sidecar injection is on in %1 (%2), but %3 of its %4 pods run without the %5 sidecar: they started before injection was turned on, so their traffic bypasses the mesh. Restart it (meshdeck mesh restart --namespace %1).</source>
        <translation>Die Sidecar-Injektion ist in %1 eingeschaltet (%2), aber %3 von %4 Pods laufen ohne den Sidecar %5: Sie starteten, bevor die Injektion eingeschaltet wurde, ihr Verkehr umgeht also das Mesh. Starten Sie die Workload neu (meshdeck mesh restart --namespace %1).</translation>
    </message>
    <message>
        <source>Its backend %1/%2 is in another namespace, and no ReferenceGrant in %1 lets %4s of %3 refer to it: the reference is refused. Add a ReferenceGrant in %1.</source>
        <translation>Ihr Backend %1/%2 liegt in einem anderen Namespace, und kein ReferenceGrant in %1 erlaubt %4s aus %3 den Verweis: Der Verweis wird abgelehnt. Legen Sie einen ReferenceGrant in %1 an.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Installer</name>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>der Server antwortete HTTP %1</translation>
    </message>
    <message>
        <source>%1 could not be fetched (%2); the copy cached on %3 is used.</source>
        <translation>%1 konnte nicht abgerufen werden (%2); die am %3 zwischengespeicherte Kopie wird verwendet.</translation>
    </message>
    <message>
        <source>The manifest %1 cannot be fetched: %2. Check the address and your network or proxy, or download the file and give its path.</source>
        <translation>Das Manifest %1 kann nicht abgerufen werden: %2. Prüfen Sie Adresse und Netzwerk oder Proxy, oder laden Sie die Datei herunter und geben Sie ihren Pfad an.</translation>
    </message>
    <message>
        <source>the CLI&apos;s version</source>
        <translation>die Version der CLI</translation>
    </message>
    <message>
        <source>the manifest&apos;s version</source>
        <translation>die Version des Manifests</translation>
    </message>
    <message>
        <source>Install %1 %2, profile %3, with %4.</source>
        <translation>%1 %2 installieren, Profil %3, mit %4.</translation>
    </message>
    <message>
        <source>its CLI</source>
        <translation>seiner CLI</translation>
    </message>
    <message>
        <source>a manifest</source>
        <translation>einem Manifest</translation>
    </message>
    <message>
        <source>the manifest bundled with Meshdeck</source>
        <translation>dem mit Meshdeck gelieferten Manifest</translation>
    </message>
    <message>
        <source>Source: %1 (%2 bytes, sha256 %3)</source>
        <translation>Quelle: %1 (%2 Bytes, sha256 %3)</translation>
    </message>
    <message>
        <source>Commands (run with an argument list, output shown live):</source>
        <translation>Befehle (mit Argumentliste ausgeführt, Ausgabe live):</translation>
    </message>
    <message>
        <source>   (its output is applied)</source>
        <translation>   (seine Ausgabe wird angewendet)</translation>
    </message>
    <message>
        <source>Objects (%1, server-side apply in this order: CRDs first, webhooks last):</source>
        <translation>Objekte (%1, Server-side Apply in dieser Reihenfolge: CRDs zuerst, Webhooks zuletzt):</translation>
    </message>
    <message>
        <source>   (exists: changed in place)</source>
        <translation>   (vorhanden: wird an Ort und Stelle geändert)</translation>
    </message>
    <message>
        <source>Then: sidecar injection on for %1 (%2=%3); restart their workloads to add sidecars.</source>
        <translation>Danach: Sidecar-Injektion an für %1 (%2=%3); ihre Workloads neu starten, um Sidecars hinzuzufügen.</translation>
    </message>
    <message>
        <source>Verify: the control plane Ready within %1 s, add-ons Ready, the injection webhook answering.</source>
        <translation>Überprüfen: Control Plane innerhalb von %1 s bereit, Add-ons bereit, Injektions-Webhook antwortet.</translation>
    </message>
    <message>
        <source>Unknown mesh &quot;%1&quot;: istio, linkerd, consul, kuma or cilium.</source>
        <translation>Unbekanntes Mesh „%1“: istio, linkerd, consul, kuma oder cilium.</translation>
    </message>
    <message>
        <source>%1 has no profile &quot;%2&quot;; choose one of %3.</source>
        <translation>%1 hat kein Profil „%2“; wählen Sie eines von %3.</translation>
    </message>
    <message>
        <source>Meshdeck bundles manifests for Istio and Linkerd only; install %1 with its CLI (%2) or a manifest file or URL.</source>
        <translation>Meshdeck liefert Manifeste nur für Istio und Linkerd mit; installieren Sie %1 mit seiner CLI (%2) oder einer Manifest-Datei oder URL.</translation>
    </message>
    <message>
        <source>The bundled manifest installs %1 %2; for %3 use the CLI or a manifest of that version.</source>
        <translation>Das mitgelieferte Manifest installiert %1 %2; für %3 die CLI oder ein Manifest dieser Version verwenden.</translation>
    </message>
    <message>
        <source>bundled %1</source>
        <translation>mitgeliefert %1</translation>
    </message>
    <message>
        <source>Give the manifest&apos;s file or URL.</source>
        <translation>Geben Sie die Datei oder URL des Manifests an.</translation>
    </message>
    <message>
        <source>Meshdeck does not know how %1&apos;s CLI installs.</source>
        <translation>Meshdeck weiß nicht, wie die CLI von %1 installiert.</translation>
    </message>
    <message>
        <source>%1 has no add-on &quot;%2&quot;; its add-ons are %3.</source>
        <translation>%1 hat kein Add-on „%2“; seine Add-ons sind %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 always uses mTLS between meshed pods; it has no mode to choose.</source>
        <translation>%1 verwendet immer mTLS zwischen Pods im Mesh; es gibt keinen Modus zu wählen.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 hat keinen mesh-weiten mTLS-Modus.</translation>
    </message>
    <message>
        <source>The mTLS mode is one of %1.</source>
        <translation>Der mTLS-Modus ist einer von %1.</translation>
    </message>
    <message>
        <source>Kubernetes API reachable</source>
        <translation>Kubernetes-API erreichbar</translation>
    </message>
    <message>
        <source>Kubernetes %1 answered.</source>
        <translation>Kubernetes %1 hat geantwortet.</translation>
    </message>
    <message>
        <source>Kubernetes version supported</source>
        <translation>Kubernetes-Version unterstützt</translation>
    </message>
    <message>
        <source>The version comes from the CLI; `%1` checks it itself.</source>
        <translation>Die Version kommt von der CLI; `%1` prüft sie selbst.</translation>
    </message>
    <message>
        <source>Meshdeck has no published range for %1 %2; see %3.</source>
        <translation>Meshdeck kennt keinen veröffentlichten Bereich für %1 %2; siehe %3.</translation>
    </message>
    <message>
        <source>%1 %2 needs Kubernetes %3; this cluster runs 1.%4. Upgrade the cluster or choose an older %1.</source>
        <translation>%1 %2 braucht Kubernetes %3; dieser Cluster läuft mit 1.%4. Aktualisieren Sie den Cluster oder wählen Sie ein älteres %1.</translation>
    </message>
    <message>
        <source>%1 %2 supports Kubernetes %3; this cluster runs 1.%4, which the project has not tested. Prefer a newer %1.</source>
        <translation>%1 %2 unterstützt Kubernetes %3; dieser Cluster läuft mit 1.%4, was das Projekt nicht getestet hat. Besser ein neueres %1.</translation>
    </message>
    <message>
        <source>1.%1 is within %2 %3&apos;s range (%4).</source>
        <translation>1.%1 liegt im Bereich von %2 %3 (%4).</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>%1 %2 (its CRD is neither in the cluster nor in the plan)</source>
        <translation>%1 %2 (seine CRD ist weder im Cluster noch im Plan)</translation>
    </message>
    <message>
        <source> (cluster-wide)</source>
        <translation> (clusterweit)</translation>
    </message>
    <message>
        <source> in namespace %1</source>
        <translation> im Namespace %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Every kind is served</source>
        <translation>Jede Art wird bedient</translation>
    </message>
    <message>
        <source>The cluster does not serve %1. Install the CRDs first, or fix the manifest&apos;s apiVersion.</source>
        <translation>Der Cluster bedient %1 nicht. Installieren Sie zuerst die CRDs oder korrigieren Sie die apiVersion des Manifests.</translation>
    </message>
    <message>
        <source>This user may not: %1. Ask a cluster administrator for these verbs (a ClusterRole bound to you).</source>
        <translation>Dieser Benutzer darf nicht: %1. Bitten Sie eine Cluster-Administration um diese Verben (eine an Sie gebundene ClusterRole).</translation>
    </message>
    <message numerus="yes">
        <source>Allowed to create and patch every kind of the plan (%n access review(s)).</source>
        <translation>
            <numerusform>Darf jede Art des Plans anlegen und patchen (%n Zugriffsprüfung).</numerusform>
            <numerusform>Darf jede Art des Plans anlegen und patchen (%n Zugriffsprüfungen).</numerusform>
        </translation>
    </message>
    <message>
        <source>The CLI applies its own objects; it checks its permissions.</source>
        <translation>Die CLI wendet ihre eigenen Objekte an; sie prüft ihre Berechtigungen selbst.</translation>
    </message>
    <message>
        <source>%1 not installed yet</source>
        <translation>%1 noch nicht installiert</translation>
    </message>
    <message>
        <source>%1 %2 runs in %3; applying updates it in place.</source>
        <translation>%1 %2 läuft in %3; Anwenden aktualisiert es an Ort und Stelle.</translation>
    </message>
    <message>
        <source>No other mesh</source>
        <translation>Kein anderes Mesh</translation>
    </message>
    <message>
        <source>No other service mesh runs in this cluster.</source>
        <translation>In diesem Cluster läuft kein anderes Service Mesh.</translation>
    </message>
    <message>
        <source>%1 already runs here. Two meshes must not inject the same namespace.</source>
        <translation>%1 läuft hier bereits. Zwei Meshes dürfen nicht denselben Namespace injizieren.</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 gefunden</translation>
    </message>
    <message>
        <source>%1 is not on PATH. Install it (%2), or choose the bundled or manifest method.</source>
        <translation>%1 ist nicht im PATH. Installieren Sie es (%2) oder wählen Sie die Methode mitgeliefert oder Manifest.</translation>
    </message>
    <message>
        <source>%1 is at %2 but `%3` failed: %4</source>
        <translation>%1 liegt unter %2, aber `%3` schlug fehl: %4</translation>
    </message>
    <message>
        <source>%1 at %2 reports &quot;%3&quot;, not %4: it installs its own version.</source>
        <translation>%1 unter %2 meldet „%3“, nicht %4: es installiert seine eigene Version.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Manifest fetched</source>
        <translation>Manifest abgerufen</translation>
    </message>
    <message>
        <source>The output of %1</source>
        <translation>Die Ausgabe von %1</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>Injection for %1</source>
        <translation>Injektion für %1</translation>
    </message>
    <message>
        <source>Sidecar injection on for namespace %1.</source>
        <translation>Sidecar-Injektion an für Namespace %1.</translation>
    </message>
    <message>
        <source>The pods of %1 cannot be listed: %2</source>
        <translation>Die Pods von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Pod %1/%2 is %3, not Ready%4</source>
        <translation>Pod %1/%2 ist %3, nicht bereit%4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Control plane Ready</source>
        <translation>Control Plane bereit</translation>
    </message>
    <message>
        <source>%1 %2 in %3: %4/%5 Ready after %6 s.</source>
        <translation>%1 %2 in %3: %4/%5 bereit nach %6 s.</translation>
    </message>
    <message>
        <source>%1 did not become Ready within %2 s.%3</source>
        <translation>%1 wurde nicht innerhalb von %2 s bereit.%3</translation>
    </message>
    <message>
        <source>Add-on %1 Ready</source>
        <translation>Add-on %1 bereit</translation>
    </message>
    <message>
        <source>Not Ready: %1.%2</source>
        <translation>Nicht bereit: %1.%2</translation>
    </message>
    <message>
        <source>Injection webhook answering</source>
        <translation>Injektions-Webhook antwortet</translation>
    </message>
    <message>
        <source>%1 injects no sidecars.</source>
        <translation>%1 injiziert keine Sidecars.</translation>
    </message>
    <message>
        <source>No MutatingWebhookConfiguration calls %1&apos;s injector in %2: pods will get no sidecars. Reinstall, or check the manifest.</source>
        <translation>Keine MutatingWebhookConfiguration ruft den Injektor von %1 in %2 auf: Pods bekommen keine Sidecars. Neu installieren oder das Manifest prüfen.</translation>
    </message>
    <message>
        <source>Could not create a namespace to test injection in: %1</source>
        <translation>Kein Namespace zum Testen der Injektion anlegbar: %1</translation>
    </message>
    <message>
        <source>A dry-run pod in %1 was refused: %2</source>
        <translation>Ein Probe-Pod (dry run) in %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 is registered, but a dry-run pod in %2 came back without %3. Is the injector&apos;s Service reachable from the API server?</source>
        <translation>%1 ist registriert, aber ein Probe-Pod in %2 kam ohne %3 zurück. Ist der Service des Injektors vom API-Server erreichbar?</translation>
    </message>
    <message>
        <source>%1 answered: a dry-run pod in %2 came back with %3.</source>
        <translation>%1 hat geantwortet: ein Probe-Pod in %2 kam mit %3 zurück.</translation>
    </message>
    <message>
        <source>`%1` could not start: %2</source>
        <translation>`%1` konnte nicht starten: %2</translation>
    </message>
    <message>
        <source>`%1` was stopped.</source>
        <translation>`%1` wurde angehalten.</translation>
    </message>
    <message>
        <source>`%1` printed nothing for %2 s and was stopped. It may be waiting for the cluster or for input; run it in a terminal to see.</source>
        <translation>`%1` gab %2 s lang nichts aus und wurde angehalten. Es wartet womöglich auf den Cluster oder auf Eingaben; zum Nachsehen im Terminal ausführen.</translation>
    </message>
    <message>
        <source>`%1` failed with exit code %2%3</source>
        <translation>`%1` schlug mit Exit-Code %2 fehl%3</translation>
    </message>
    <message>
        <source> and printed nothing on stderr.</source>
        <translation> und gab nichts auf stderr aus.</translation>
    </message>
    <message>
        <source>it printed no version.</source>
        <translation>es gab keine Version aus.</translation>
    </message>
    <message>
        <source>Reading the manifest</source>
        <translation>Lesen des Manifests</translation>
    </message>
    <message>
        <source>%1 answered, but not with a Kubernetes manifest (%2). Nothing was cached or applied; check the address.</source>
        <translation>%1 hat geantwortet, aber nicht mit einem Kubernetes-Manifest (%2). Nichts wurde zwischengespeichert oder angewendet; prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>%1 answered with no Kubernetes objects. Nothing was cached or applied; check the address.</source>
        <translation>%1 hat ohne Kubernetes-Objekte geantwortet. Nichts wurde zwischengespeichert oder angewendet; prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>Bundled manifest fits this cluster</source>
        <translation>Mitgeliefertes Manifest passt zu diesem Cluster</translation>
    </message>
    <message>
        <source>The bundled %1 %2 manifest is made for Meshdeck&apos;s demo cluster: on a real cluster its control plane would not start (it lacks the RBAC, mesh configuration and full CRDs). Install with %3 (see %4), or with a release manifest of %1 (Manifest, a file or an https URL).</source>
        <translation>Das mitgelieferte Manifest von %1 %2 ist für den Demo-Cluster von Meshdeck gemacht: In einem echten Cluster würde seine Steuerungsebene nicht starten (ihr fehlen RBAC, Mesh-Konfiguration und vollständige CRDs). Installieren Sie mit %3 (siehe %4) oder mit einem Release-Manifest von %1 (Manifest, eine Datei oder eine https-URL).</translation>
    </message>
    <message>
        <source>its Helm charts</source>
        <translation>seinen Helm-Charts</translation>
    </message>
    <message>
        <source>Rendered by helm (nothing applied by helm; the objects below are):</source>
        <translation>Von helm gerendert (helm wendet nichts an; angewendet werden die Objekte unten):</translation>
    </message>
    <message>
        <source>%1 has no Helm route Meshdeck can render on its own: install it with %2 or a release manifest.</source>
        <translation>%1 hat keinen Helm-Weg, den Meshdeck allein rendern kann: Installieren Sie es mit %2 oder einem Release-Manifest.</translation>
    </message>
    <message>
        <source>helm is not on PATH. Install it (https://helm.sh/docs/intro/install/), or choose another method.</source>
        <translation>helm ist nicht im PATH. Installieren Sie es (https://helm.sh/docs/intro/install/) oder wählen Sie eine andere Methode.</translation>
    </message>
    <message>
        <source>The charts helm rendered</source>
        <translation>Die von helm gerenderten Charts</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::ManifestPlan</name>
    <message>
        <source>The bundled manifest %1 is missing.</source>
        <translation>Das mitgelieferte Manifest %1 fehlt.</translation>
    </message>
    <message>
        <source>The cluster does not serve %1 %2 (is its CRD installed?).</source>
        <translation>Der Cluster bietet %1 %2 nicht an (ist seine CRD installiert?).</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 objects.</source>
        <translation>Abgebrochen nach %1 von %2 Objekten.</translation>
    </message>
    <message>
        <source>%1 did not become Established within 30 s.</source>
        <translation>%1 wurde nicht innerhalb von 30 s Established.</translation>
    </message>
    <message>
        <source>Unknown sample &quot;%1&quot;: bookinfo, httpbin or emojivoto.</source>
        <translation>Unbekanntes Beispiel „%1“: bookinfo, httpbin oder emojivoto.</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>%1: %2 Another tool manages these fields; take them over with --force-conflicts (or &quot;Take Over&quot; in the wizard), or change the manifest.</source>
        <translation>%1: %2 Ein anderes Werkzeug verwaltet diese Felder; übernehmen Sie sie mit --force-conflicts (oder „Übernehmen“ im Assistenten) oder ändern Sie das Manifest.</translation>
    </message>
    <message>
        <source>Document %1 of the manifest is not a Kubernetes object (a mapping with apiVersion, kind and metadata).</source>
        <translation>Dokument %1 des Manifests ist kein Kubernetes-Objekt (eine Zuordnung mit apiVersion, kind und metadata).</translation>
    </message>
    <message>
        <source>Document %1 of the manifest has no apiVersion, kind or metadata.name.</source>
        <translation>Dokument %1 des Manifests hat kein apiVersion, kind oder metadata.name.</translation>
    </message>
    <message>
        <source>The manifest holds no Kubernetes objects: nothing to apply. Check that it is the file you meant.</source>
        <translation>Das Manifest enthält keine Kubernetes-Objekte: nichts anzuwenden. Prüfen Sie, ob es die gemeinte Datei ist.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::MeshDetector</name>
    <message>
        <source>Unknown mesh &quot;%1&quot;.</source>
        <translation>Unbekanntes Mesh „%1“.</translation>
    </message>
    <message>
        <source>%1 has no sidecars to inject: its mesh runs on every node.</source>
        <translation>%1 hat keine Sidecars zum Einfügen: Sein Mesh läuft auf jedem Knoten.</translation>
    </message>
    <message>
        <source>%1 always encrypts meshed traffic with mTLS; it has no mode to switch.</source>
        <translation>%1 verschlüsselt Verkehr im Mesh immer mit mTLS; es gibt keinen Modus zum Umschalten.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 hat keinen mesh-weiten mTLS-Modus.</translation>
    </message>
    <message>
        <source>The mTLS mode is one of %1.</source>
        <translation>Der mTLS-Modus ist einer von %1.</translation>
    </message>
    <message>
        <source>%1&apos;s PeerAuthentication kind is not served: is %1 installed?</source>
        <translation>Die Art PeerAuthentication von %1 wird nicht bedient: ist %1 installiert?</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Operation</name>
    <message>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>%1 is installed and verified.</source>
        <translation>%1 ist installiert und geprüft.</translation>
    </message>
    <message>
        <source>Stopped while verifying.</source>
        <translation>Beim Prüfen abgebrochen.</translation>
    </message>
    <message>
        <source>Applied, but verification failed: %1</source>
        <translation>Angewendet, aber die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Kept as applied: uninstalling the mesh removes it.</source>
        <translation>Bleibt wie angewendet: Deinstallieren des Mesh entfernt es.</translation>
    </message>
    <message>
        <source>Rolling back what this install created…</source>
        <translation>Was diese Installation angelegt hat, wird zurückgesetzt …</translation>
    </message>
    <message>
        <source>Waiting up to %1 s for the control plane to go…</source>
        <translation>Bis zu %1 s wird gewartet, bis die Steuerungsebene fort ist …</translation>
    </message>
    <message>
        <source>Stopped while waiting for the control plane to go.</source>
        <translation>Beim Warten auf das Verschwinden der Steuerungsebene abgebrochen.</translation>
    </message>
    <message>
        <source>The objects were deleted, but %1&apos;s control plane was still there after %2 s; see &apos;kubectl get pods -n %3&apos;.</source>
        <translation>Die Objekte wurden gelöscht, aber die Steuerungsebene von %1 war nach %2 s noch da; siehe &apos;kubectl get pods -n %3&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>Injection off and %n workload(s) restarted in %1.</source>
        <translation>
            <numerusform>Injektion aus und %n Workload in %1 neu gestartet.</numerusform>
            <numerusform>Injektion aus und %n Workloads in %1 neu gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Injection off in %1; restarting its workloads failed: %2</source>
        <translation>Injektion in %1 aus; Neustart der Workloads fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1&apos;s control plane is gone; its namespaces were deleted.</source>
        <translation>Die Steuerungsebene von %1 ist fort; ihre Namespaces wurden gelöscht.</translation>
    </message>
    <message>
        <source>%1&apos;s control plane is gone; namespaces were kept.</source>
        <translation>Die Steuerungsebene von %1 ist fort; die Namespaces bleiben.</translation>
    </message>
    <message>
        <source>Pods in %1 keep their sidecars until their workloads are restarted (Restart Workloads, or &apos;meshdeck mesh restart -n NS&apos;).</source>
        <translation>Pods in %1 behalten ihre Sidecars, bis ihre Workloads neu gestartet werden (Workloads neu starten, oder &apos;meshdeck mesh restart -n NS&apos;).</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 runs in %2.</source>
        <translation>%1 läuft in %2.</translation>
    </message>
    <message>
        <source>%1 is removed from %2.</source>
        <translation>%1 ist aus %2 entfernt.</translation>
    </message>
    <message>
        <source>Skipped %1: this cluster does not serve those kinds (they are Istio&apos;s routing; install Istio to use them).</source>
        <translation>%1 übersprungen: Dieser Cluster kennt diese Arten nicht (sie gehören zu Istios Routing; installieren Sie Istio, um sie zu nutzen).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::TrafficPolicy</name>
    <message>
        <source>The weight of %1 is %2; give each version 0 to 100 %.</source>
        <translation>Das Gewicht von %1 ist %2; geben Sie jeder Version 0 bis 100 %.</translation>
    </message>
    <message>
        <source>Each version needs a name of its own.</source>
        <translation>Jede Version braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>The weights add up to %1 %; they must add up to 100 %.</source>
        <translation>Die Gewichte ergeben zusammen %1 %; sie müssen 100 % ergeben.</translation>
    </message>
    <message>
        <source>The %1 percentage is %2; give 0 to 100.</source>
        <translation>Der Prozentsatz für %1 ist %2; geben Sie 0 bis 100 an.</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <source>Durations cannot be negative.</source>
        <translation>Dauern können nicht negativ sein.</translation>
    </message>
    <message>
        <source>The abort status %1 is not an HTTP status (200 to 599).</source>
        <translation>Der Abbruchstatus %1 ist kein HTTP-Status (200 bis 599).</translation>
    </message>
    <message>
        <source>Give 0 to 10 retry attempts.</source>
        <translation>Geben Sie 0 bis 10 Wiederholungsversuche an.</translation>
    </message>
    <message>
        <source>The time per try (%1 ms) is longer than the whole request&apos;s timeout (%2 ms).</source>
        <translation>Die Zeit pro Versuch (%1 ms) ist länger als das Zeitlimit der ganzen Anfrage (%2 ms).</translation>
    </message>
    <message>
        <source>Circuit breaker limits cannot be negative, and ejection lasts at least 1 s.</source>
        <translation>Grenzen des Circuit Breakers können nicht negativ sein, und ein Ausschluss dauert mindestens 1 s.</translation>
    </message>
    <message>
        <source>A path to match starts with / (got &quot;%1&quot;).</source>
        <translation>Ein zu vergleichender Pfad beginnt mit / (erhalten: „%1“).</translation>
    </message>
    <message>
        <source>Name the header or query parameter to match (letters, digits and - only; got &quot;%1&quot;).</source>
        <translation>Nennen Sie den Header oder Abfrageparameter, der verglichen wird (nur Buchstaben, Ziffern und -; erhalten: „%1“).</translation>
    </message>
    <message>
        <source>Give the value of %1 to match.</source>
        <translation>Geben Sie den Wert von %1 an, der verglichen wird.</translation>
    </message>
    <message>
        <source>Routing requests by match needs the Service&apos;s versions (pods labelled version=...).</source>
        <translation>Anfragen nach Übereinstimmung zu leiten braucht die Versionen des Service (Pods mit dem Label version=...).</translation>
    </message>
    <message>
        <source>Choose which version matching requests go to.</source>
        <translation>Wählen Sie, zu welcher Version passende Anfragen gehen.</translation>
    </message>
    <message>
        <source>fault injection</source>
        <translation>Fehlerinjektion</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>circuit breaking</source>
        <translation>Circuit Breaking</translation>
    </message>
    <message>
        <source>a client TLS mode</source>
        <translation>einen Client-TLS-Modus</translation>
    </message>
    <message>
        <source>The Gateway API&apos;s HTTPRoute has no %1; write Istio&apos;s objects for it, or leave it out.</source>
        <translation>Die HTTPRoute der Gateway API kennt %1 nicht; schreiben Sie dafür Istios Objekte oder lassen Sie es weg.</translation>
    </message>
    <message>
        <source>The Service has no ports for the versions&apos; Services to copy.</source>
        <translation>Der Service hat keine Ports, die die Services der Versionen übernehmen könnten.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::NavigationModel</name>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Kubernetes contexts and a live view of their resources</source>
        <translation>Kubernetes-Kontexte und eine Live-Ansicht ihrer Ressourcen</translation>
    </message>
    <message>
        <source>How traffic flows between services, live</source>
        <translation>Wie der Verkehr zwischen Diensten fließt, live</translation>
    </message>
    <message>
        <source>Install, verify and remove service meshes and sample apps</source>
        <translation>Service-Meshes und Beispielanwendungen installieren, prüfen und entfernen</translation>
    </message>
    <message>
        <source>Run load tests against your services</source>
        <translation>Lasttests gegen Ihre Dienste ausführen</translation>
    </message>
    <message>
        <source>Stored benchmark runs, compared side by side</source>
        <translation>Gespeicherte Benchmark-Läufe im direkten Vergleich</translation>
    </message>
    <message>
        <source>Language, appearance and where Meshdeck keeps its data</source>
        <translation>Sprache, Erscheinungsbild und wo Meshdeck seine Daten ablegt</translation>
    </message>
</context>
<context>
    <name>Meshdeck::NavigationRail</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::InjectionSwitch</name>
    <message>
        <source>Measuring before and after injection needs the namespace whose injection is switched.</source>
        <translation>Messen vor und nach der Injektion braucht den Namespace, dessen Injektion umgeschaltet wird.</translation>
    </message>
    <message>
        <source>No mesh with sidecar injection runs in this cluster: there is nothing to switch on in %1. Install one first.</source>
        <translation>In diesem Cluster läuft kein Mesh mit Sidecar-Injektion: In %1 gibt es nichts einzuschalten. Installieren Sie zuerst eines.</translation>
    </message>
    <message>
        <source>Namespace %1 has no Deployment, StatefulSet or DaemonSet to restart with and without sidecars.</source>
        <translation>Namespace %1 hat kein Deployment, StatefulSet oder DaemonSet, das mit und ohne Sidecars neu gestartet werden kann.</translation>
    </message>
    <message>
        <source>Switching %1 injection on in %2 and restarting its workloads…</source>
        <translation>Schalte die %1-Injektion in %2 ein und starte seine Workloads neu …</translation>
    </message>
    <message>
        <source>Switching %1 injection off in %2 and restarting its workloads…</source>
        <translation>Schalte die %1-Injektion in %2 aus und starte seine Workloads neu …</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The pods of %1 were not all Ready with sidecars after %2 s: %3.</source>
        <translation>Die Pods von %1 waren nach %2 s nicht alle mit Sidecars bereit: %3.</translation>
    </message>
    <message>
        <source>The pods of %1 were not all Ready without sidecars after %2 s: %3.</source>
        <translation>Die Pods von %1 waren nach %2 s nicht alle ohne Sidecars bereit: %3.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::MeasuredRun</name>
    <message>
        <source>No cluster is connected: connect one, or run the load from this computer.</source>
        <translation>Kein Cluster verbunden: Verbinden Sie einen, oder erzeugen Sie die Last auf diesem Rechner.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadExperiment</name>
    <message>
        <source>No rates to measure at.</source>
        <translation>Keine Raten zum Messen.</translation>
    </message>
    <message>
        <source>The baseline and the mesh arm are the same URL (%1): the experiment would compare nothing.</source>
        <translation>Die Basislinie und der Mesh-Zweig sind dieselbe URL (%1): Das Experiment würde nichts vergleichen.</translation>
    </message>
    <message>
        <source>The mesh arm&apos;s pods in namespace %1 carry no sidecar (%2 pods, none with istio-proxy or linkerd-proxy): the experiment would compare nothing. Label the namespace for injection and restart its workloads, or choose the namespace that has the mesh.</source>
        <translation>Die Pods des Mesh-Zweigs im Namespace %1 haben keinen Sidecar (%2 Pods, keiner mit istio-proxy oder linkerd-proxy): Das Experiment würde nichts vergleichen. Markieren Sie den Namespace für die Injektion und starten Sie seine Workloads neu, oder wählen Sie den Namespace mit dem Mesh.</translation>
    </message>
    <message>
        <source>The baseline arm&apos;s pod %1/%2 carries a sidecar: the baseline must run without the mesh. Choose a namespace without injection.</source>
        <translation>Der Pod %1/%2 der Basislinie hat einen Sidecar: Die Basislinie muss ohne Mesh laufen. Wählen Sie einen Namespace ohne Injektion.</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a cluster (the namespace&apos;s injection is switched and its workloads restarted).</source>
        <translation>Messen vor und nach der Injektion braucht einen Cluster (die Injektion des Namespace wird umgeschaltet und seine Workloads neu gestartet).</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a cluster.</source>
        <translation>Messen vor und nach der Injektion braucht einen Cluster.</translation>
    </message>
    <message>
        <source>Namespace %1 was not put back as it was: %2</source>
        <translation>Namespace %1 wurde nicht in den vorigen Zustand zurückversetzt: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadHtml</name>
    <message>
        <source>requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>added p50</source>
        <translation>zusätzliche p50</translation>
    </message>
    <message>
        <source>added p90</source>
        <translation>zusätzliche p90</translation>
    </message>
    <message>
        <source>added p99</source>
        <translation>zusätzliche p99</translation>
    </message>
    <message>
        <source>proxy vCPU per 1,000 requests/s</source>
        <translation>Proxy-vCPU je 1.000 Anfragen/s</translation>
    </message>
    <message>
        <source>proxies</source>
        <translation>Proxys</translation>
    </message>
    <message>
        <source>control plane</source>
        <translation>Steuerungsebene</translation>
    </message>
    <message>
        <source>Mesh overhead report</source>
        <translation>Bericht zum Mesh-Overhead</translation>
    </message>
    <message>
        <source>Mesh arm %1 against baseline %2%3 · %4 s per run after warm-up · %5 repetition(s) per rate, arms interleaved · constant rate, latency from each request&apos;s intended send time · started %6</source>
        <translation>Mesh-Zweig %1 gegen Basislinie %2%3 · %4 s je Lauf nach dem Aufwärmen · %5 Wiederholung(en) je Rate, Zweige abwechselnd · konstante Rate, Latenz ab der geplanten Sendezeit jeder Anfrage · begonnen %6</translation>
    </message>
    <message>
        <source>Overhead per rate</source>
        <translation>Overhead je Rate</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Achieved (baseline / mesh)</source>
        <translation>Erreicht (Basislinie / Mesh)</translation>
    </message>
    <message>
        <source>Added p50</source>
        <translation>Zusätzlich p50</translation>
    </message>
    <message>
        <source>Added p90</source>
        <translation>Zusätzlich p90</translation>
    </message>
    <message>
        <source>Added p99</source>
        <translation>Zusätzlich p99</translation>
    </message>
    <message>
        <source>Added max</source>
        <translation>Zusätzlich max.</translation>
    </message>
    <message>
        <source>Proxy vCPU per 1,000 req/s</source>
        <translation>Proxy-vCPU je 1.000 Anfr./s</translation>
    </message>
    <message>
        <source>Proxy memory</source>
        <translation>Proxy-Speicher</translation>
    </message>
    <message>
        <source>Control plane CPU</source>
        <translation>CPU der Steuerungsebene</translation>
    </message>
    <message>
        <source>Control plane memory</source>
        <translation>Speicher der Steuerungsebene</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>* An arm did not keep up with this rate (below 95 % of it, or 1 % errors): its figures are not comparable.</source>
        <translation>* Ein Zweig hat diese Rate nicht gehalten (unter 95 % davon oder 1 % Fehler): Seine Werte sind nicht vergleichbar.</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU und Speicher: %1</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Latency added by the mesh (median, min … max)</source>
        <translation>Vom Mesh hinzugefügte Latenz (Median, min. … max.)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Proxy CPU per 1,000 requests/s</source>
        <translation>Proxy-CPU je 1.000 Anfragen/s</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Made by Meshdeck&apos;s perf overhead.</source>
        <translation>Erstellt mit „perf overhead“ von Meshdeck.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>Der Bericht kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadImage</name>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Added p50</source>
        <translation>Zusätzl. p50</translation>
    </message>
    <message>
        <source>Added p90</source>
        <translation>Zusätzl. p90</translation>
    </message>
    <message>
        <source>Added p99</source>
        <translation>Zusätzl. p99</translation>
    </message>
    <message>
        <source>Added max</source>
        <translation>Zusätzl. max.</translation>
    </message>
    <message>
        <source>Proxy vCPU/1k</source>
        <translation>Proxy-vCPU/1k</translation>
    </message>
    <message>
        <source>Proxy mem</source>
        <translation>Proxy-Speicher</translation>
    </message>
    <message>
        <source>Control plane</source>
        <translation>Steuerungsebene</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Mesh arm %1 against baseline %2%3 · %4 s per run · %5 repetition(s) per rate</source>
        <translation>Mesh-Zweig %1 gegen Basislinie %2%3 · %4 s je Lauf · %5 Wiederholung(en) je Rate</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU und Speicher: %1</translation>
    </message>
    <message>
        <source>* An arm did not keep up with this rate: its figures are not comparable.</source>
        <translation>* Ein Zweig hat diese Rate nicht gehalten: Seine Werte sind nicht vergleichbar.</translation>
    </message>
    <message>
        <source>Mesh overhead report</source>
        <translation>Mesh-Overhead-Bericht</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>Der Bericht kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadReport</name>
    <message>
        <source>cAdvisor series in Prometheus</source>
        <translation>cAdvisor-Reihen in Prometheus</translation>
    </message>
    <message>
        <source>the metrics API</source>
        <translation>die Metrics-API</translation>
    </message>
    <message>
        <source>The mesh&apos;s control plane has no CPU or memory series (no samples for its pods in the control-plane namespaces): its cost is left out.</source>
        <translation>Die Steuerungsebene des Meshes hat keine CPU- oder Speicherreihen (keine Messwerte für ihre Pods in den Namespaces der Steuerungsebene): Ihre Kosten fehlen.</translation>
    </message>
    <message>
        <source>At %1 requests/s the %2 arm did not keep up (below 95 % of the rate, or 1 % errors): its figures are marked and left out of the summary.</source>
        <translation>Bei %1 Anfragen/s hat der Zweig %2 nicht mitgehalten (unter 95 % der Rate oder 1 % Fehler): Seine Werte sind markiert und fehlen in der Zusammenfassung.</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>mesh</source>
        <translation>Mesh</translation>
    </message>
    <message>
        <source>Mesh overhead: %1 (mesh) against %2 (baseline), %3 s per run, %4 repetition(s)

</source>
        <translation>Mesh-Overhead: %1 (Mesh) gegen %2 (Basislinie), %3 s je Lauf, %4 Wiederholung(en)

</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5  %6  %7
</source>
        <translation>%1  %2  %3  %4  %5  %6  %7
</translation>
    </message>
    <message>
        <source>rate/s</source>
        <translation>Rate/s</translation>
    </message>
    <message>
        <source>added p50</source>
        <translation>zusätzl. p50</translation>
    </message>
    <message>
        <source>added p90</source>
        <translation>zusätzl. p90</translation>
    </message>
    <message>
        <source>added p99</source>
        <translation>zusätzl. p99</translation>
    </message>
    <message>
        <source>proxy vCPU/1k rps</source>
        <translation>Proxy-vCPU/1k</translation>
    </message>
    <message>
        <source>proxy memory</source>
        <translation>Proxy-Speicher</translation>
    </message>
    <message>
        <source>control plane</source>
        <translation>Steuerungsebene</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>* an arm did not keep up with this rate: its figures are not comparable
</source>
        <translation>* ein Zweig hat diese Rate nicht gehalten: Seine Werte sind nicht vergleichbar
</translation>
    </message>
    <message>
        <source>Resources: %1
</source>
        <translation>Ressourcen: %1
</translation>
    </message>
    <message>
        <source>Warning: %1
</source>
        <translation>Warnung: %1
</translation>
    </message>
    <message>
        <source> (from workers inside the mesh)</source>
        <translation> (von Workern im Mesh)</translation>
    </message>
    <message>
        <source> (from workers outside the mesh)</source>
        <translation> (von Workern außerhalb des Meshes)</translation>
    </message>
    <message>
        <source>The arms ran one after the other, before and after injection with a restart between: drift on the machine or in the cluster over that time is not cancelled out as interleaved arms would.</source>
        <translation>Die Zweige liefen nacheinander, vor und nach der Injektion mit einem Neustart dazwischen: Schwankungen auf dem Rechner oder im Cluster in dieser Zeit gleichen sich nicht aus wie bei abwechselnden Zweigen.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadDialog</name>
    <message>
        <source>Run %1 of %2: %3…</source>
        <translation>Lauf %1 von %2: %3 …</translation>
    </message>
    <message>
        <source>Cancelled: the report holds the rates measured with both arms. The runs are in Results.</source>
        <translation>Abgebrochen: Der Bericht enthält die Raten, die mit beiden Zweigen gemessen wurden. Die Läufe stehen unter Ergebnisse.</translation>
    </message>
    <message>
        <source>Done. The runs are in Results, labelled with the experiment.</source>
        <translation>Fertig. Die Läufe stehen unter Ergebnisse, mit dem Experiment beschriftet.</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL.</source>
        <translation>%1 ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>An empty address</source>
        <translation>Eine leere Adresse</translation>
    </message>
    <message>
        <source>The baseline and the mesh arm are the same URL: the experiment would compare nothing.</source>
        <translation>Die Basislinie und der Mesh-Zweig sind dieselbe URL: Das Experiment würde nichts vergleichen.</translation>
    </message>
    <message>
        <source>Rates are requests per second above 0, separated by commas (not &quot;%1&quot;).</source>
        <translation>Raten sind Anfragen pro Sekunde über 0, durch Kommas getrennt (nicht „%1“).</translation>
    </message>
    <message>
        <source>Give at least one rate, e.g. 100, 500, 1000.</source>
        <translation>Geben Sie mindestens eine Rate an, z. B. 100, 500, 1000.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte …</translation>
    </message>
    <message>
        <source>No cluster is connected: latency only, no CPU or memory.</source>
        <translation>Kein Cluster verbunden: nur Latenz, keine CPU und kein Speicher.</translation>
    </message>
    <message>
        <source>Measure Mesh Overhead</source>
        <translation>Mesh-Overhead messen</translation>
    </message>
    <message>
        <source>Sends the same constant-rate load to the target without the mesh and through it, at each rate, the two interleaved and repeated, and reports the latency the mesh adds and the CPU and memory its proxies and control plane use (from the cluster&apos;s Prometheus or metrics API).</source>
        <translation>Sendet dieselbe Last mit konstanter Rate an das Ziel ohne das Mesh und durch es hindurch, bei jeder Rate, beide abwechselnd und wiederholt, und berichtet die Latenz, die das Mesh hinzufügt, sowie CPU und Speicher seiner Proxys und seiner Steuerungsebene (aus Prometheus oder der Metrics-API des Clusters).</translation>
    </message>
    <message>
        <source>&amp;Baseline (no mesh):</source>
        <translation>&amp;Basislinie (ohne Mesh):</translation>
    </message>
    <message>
        <source>&amp;Mesh:</source>
        <translation>&amp;Mesh:</translation>
    </message>
    <message>
        <source>Mesh &amp;namespace:</source>
        <translation>Mesh-&amp;Namespace:</translation>
    </message>
    <message>
        <source>where the mesh arm&apos;s pods run, for CPU and memory</source>
        <translation>wo die Pods des Mesh-Zweigs laufen, für CPU und Speicher</translation>
    </message>
    <message>
        <source>&amp;Rates (requests/s):</source>
        <translation>&amp;Raten (Anfragen/s):</translation>
    </message>
    <message>
        <source>Re&amp;petitions:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>&amp;Duration per run:</source>
        <translation>&amp;Dauer je Lauf:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Aufwärmen:</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Load from inside the cluster needs a connected cluster: connect one on the Clusters page.</source>
        <translation>Last aus dem Cluster braucht einen verbundenen Cluster: Verbinden Sie einen auf der Seite Cluster.</translation>
    </message>
    <message>
        <source>Generate the load &amp;inside the cluster (worker pods of a Job)</source>
        <translation>Last &amp;im Cluster erzeugen (Worker-Pods eines Jobs)</translation>
    </message>
    <message>
        <source>The baseline&apos;s workers run outside the mesh, the mesh arm&apos;s inside it with their own sidecar, as Istio and Linkerd measure. The URLs are what the pods reach, such as a Service name.</source>
        <translation>Die Worker der Basislinie laufen außerhalb des Meshes, die des Mesh-Zweigs darin mit eigenem Sidecar, wie Istio und Linkerd messen. Die URLs sind, was die Pods erreichen, etwa ein Service-Name.</translation>
    </message>
    <message>
        <source>W&amp;orkers:</source>
        <translation>W&amp;orker:</translation>
    </message>
    <message>
        <source>Name the namespace whose injection is switched.</source>
        <translation>Nennen Sie den Namespace, dessen Injektion umgeschaltet wird.</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a connected cluster: connect one on the Clusters page.</source>
        <translation>Messen vor und nach der Injektion braucht einen verbundenen Cluster: Verbinden Sie einen auf der Seite Cluster.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>One namespace &amp;before and after injection (restarts its workloads twice)</source>
        <translation>Ein Namespace &amp;vor und nach der Injektion (startet seine Workloads zweimal neu)</translation>
    </message>
    <message>
        <source>The baseline runs with the mesh namespace&apos;s injection switched off and its pods restarted without sidecars, the mesh runs with it on; the namespace is put back as it was. The arms follow each other instead of interleaving. On the demo, generate the load inside the cluster: its local URLs do not follow the pods.</source>
        <translation>Die Basislinie läuft bei ausgeschalteter Injektion im Mesh-Namespace und ohne Sidecars neu gestarteten Pods, der Mesh-Zweig bei eingeschalteter; danach wird der Namespace zurückversetzt. Die Zweige laufen nacheinander statt abwechselnd. Erzeugen Sie die Last in der Demo im Cluster: Ihre lokalen URLs folgen den Pods nicht.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadReportView</name>
    <message>
        <source>Export Overhead Report</source>
        <translation>Overhead-Bericht exportieren</translation>
    </message>
    <message>
        <source>Report as HTML (*.html);;Table and chart as PNG (*.png)</source>
        <translation>Bericht als HTML (*.html);;Tabelle und Diagramm als PNG (*.png)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Save the report as one HTML file with its charts, or as a PNG</source>
        <translation>Den Bericht als eine HTML-Datei mit seinen Diagrammen oder als PNG speichern</translation>
    </message>
    <message>
        <source>No overhead measured yet</source>
        <translation>Noch kein Overhead gemessen</translation>
    </message>
    <message>
        <source>Mesh overhead: %1 against %2</source>
        <translation>Mesh-Overhead: %1 gegen %2</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Achieved/s
baseline / mesh</source>
        <translation>Erreicht/s
Basislinie / Mesh</translation>
    </message>
    <message>
        <source>Added p90 (ms)</source>
        <translation>Zusätzl. p90 (ms)</translation>
    </message>
    <message>
        <source>Added p99 (ms)</source>
        <translation>Zusätzl. p99 (ms)</translation>
    </message>
    <message>
        <source>Added max (ms)</source>
        <translation>Zusätzl. max. (ms)</translation>
    </message>
    <message>
        <source>Proxy vCPU
per 1,000 req/s</source>
        <translation>Proxy-vCPU
je 1.000 Anfr./s</translation>
    </message>
    <message>
        <source>Proxy
memory</source>
        <translation>Proxy-
Speicher</translation>
    </message>
    <message>
        <source>Control
plane</source>
        <translation>Steuerungs-
ebene</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>An arm did not keep up with this rate (below 95 % of it, or 1 % errors): its figures are not comparable.</source>
        <translation>Ein Zweig hat diese Rate nicht gehalten (unter 95 % davon oder 1 % Fehler): Seine Werte sind nicht vergleichbar.</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU und Speicher: %1</translation>
    </message>
    <message>
        <source>Latency added by the mesh</source>
        <translation>Vom Mesh hinzugefügte Latenz</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Added p50 (ms)
median (min … max)</source>
        <translation>Zusätzl. p50 (ms)
Median (min. … max.)</translation>
    </message>
    <message>
        <source>%1 m, %2</source>
        <translation>%1 m, %2</translation>
    </message>
    <message>
        <source>Cannot write %1: no results controller to write it with.</source>
        <translation>%1 kann nicht geschrieben werden: Es gibt keinen Ergebnis-Controller, der es schreibt.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadWorker</name>
    <message>
        <source>%1 at %2 requests/s, repetition %3 of %4</source>
        <translation>%1 bei %2 Anfragen/s, Wiederholung %3 von %4</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Mesh</translation>
    </message>
    <message>
        <source>%1 at %2/s: %3 requests/s achieved, p50 %4 ms, p99 %5 ms</source>
        <translation>%1 bei %2/s: %3 Anfragen/s erreicht, p50 %4 ms, p99 %5 ms</translation>
    </message>
    <message>
        <source>The runs were not saved to the results database: %1</source>
        <translation>Die Läufe wurden nicht in der Ergebnisdatenbank gespeichert: %1</translation>
    </message>
    <message>
        <source>Cancelled before a rate was measured with both arms.</source>
        <translation>Abgebrochen, bevor eine Rate mit beiden Zweigen gemessen wurde.</translation>
    </message>
    <message>
        <source>No rate was measured with both arms.</source>
        <translation>Keine Rate wurde mit beiden Zweigen gemessen.</translation>
    </message>
    <message>
        <source>Stopped after run %1, which could send nothing: %2</source>
        <translation>Angehalten nach Lauf %1, der nichts senden konnte: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PageEmptyStates</name>
    <message>
        <source>No cluster connected</source>
        <translation>Kein Cluster verbunden</translation>
    </message>
    <message>
        <source>This page lists every context in your kubeconfig with its connection state, and a live tree of namespaces, workloads and pods with their YAML, events and logs.</source>
        <translation>Diese Seite zeigt jeden Kontext Ihrer kubeconfig mit seinem Verbindungsstatus sowie einen Live-Baum aus Namespaces, Workloads und Pods mit YAML, Ereignissen und Logs.</translation>
    </message>
    <message>
        <source>Meshdeck reads the same kubeconfig as kubectl: the files in $KUBECONFIG, or ~/.kube/config.</source>
        <translation>Meshdeck liest dieselbe kubeconfig wie kubectl: die Dateien in $KUBECONFIG oder ~/.kube/config.</translation>
    </message>
    <message>
        <source>Check that kubectl reaches your cluster with the command below.</source>
        <translation>Prüfen Sie mit dem folgenden Befehl, ob kubectl Ihren Cluster erreicht.</translation>
    </message>
    <message>
        <source>No service graph yet</source>
        <translation>Noch kein Dienstgraph</translation>
    </message>
    <message>
        <source>The topology shows the services and workloads of the connected cluster and the traffic between them: request rate, error rate and latency on every edge, taken from the mesh&apos;s Prometheus.</source>
        <translation>Die Topologie zeigt die Dienste und Workloads des verbundenen Clusters und den Verkehr zwischen ihnen: Anfragerate, Fehlerrate und Latenz an jeder Kante, aus dem Prometheus des Meshes.</translation>
    </message>
    <message>
        <source>Connect a cluster on the Clusters page.</source>
        <translation>Verbinden Sie einen Cluster auf der Seite „Cluster“.</translation>
    </message>
    <message>
        <source>Install a mesh with its telemetry add-ons on the Lifecycle page, so that edges carry live traffic.</source>
        <translation>Installieren Sie auf der Seite „Lebenszyklus“ ein Mesh mit seinen Telemetrie-Erweiterungen, damit die Kanten Live-Verkehr zeigen.</translation>
    </message>
    <message>
        <source>Go to Clusters</source>
        <translation>Zu „Cluster“</translation>
    </message>
    <message>
        <source>No mesh managed yet</source>
        <translation>Noch kein Mesh verwaltet</translation>
    </message>
    <message>
        <source>Install Istio, Linkerd, Consul, Kuma or Cilium with a wizard that shows every step before it runs, deploy sample applications such as Bookinfo, and remove them cleanly.</source>
        <translation>Installieren Sie Istio, Linkerd, Consul, Kuma oder Cilium mit einem Assistenten, der jeden Schritt vor der Ausführung zeigt, stellen Sie Beispielanwendungen wie Bookinfo bereit und entfernen Sie alles wieder sauber.</translation>
    </message>
    <message>
        <source>This page then shows which meshes the cluster already runs and offers to install one.</source>
        <translation>Diese Seite zeigt dann, welche Meshes im Cluster bereits laufen, und bietet an, eines zu installieren.</translation>
    </message>
    <message>
        <source>No load test profile yet</source>
        <translation>Noch kein Lasttest-Profil</translation>
    </message>
    <message>
        <source>Measure what a mesh costs: load an HTTP endpoint as fast as possible or at a constant rate with coordinated-omission correction, and watch throughput and latency while the test runs.</source>
        <translation>Messen Sie, was ein Mesh kostet: Belasten Sie einen HTTP-Endpunkt so schnell wie möglich oder mit konstanter Rate und Coordinated-Omission-Korrektur, und beobachten Sie Durchsatz und Latenz während des Tests.</translation>
    </message>
    <message>
        <source>Create a profile: target URL, rate, connections and duration.</source>
        <translation>Legen Sie ein Profil an: Ziel-URL, Rate, Verbindungen und Dauer.</translation>
    </message>
    <message>
        <source>Label each run with the mesh under test, so that Results can compare runs with and without it.</source>
        <translation>Kennzeichnen Sie jeden Lauf mit dem getesteten Mesh, damit „Ergebnisse“ Läufe mit und ohne Mesh vergleichen kann.</translation>
    </message>
    <message>
        <source>No results stored yet</source>
        <translation>Noch keine Ergebnisse gespeichert</translation>
    </message>
    <message>
        <source>Every load test run is kept here. Select two to six runs to compare their latency distributions side by side and read the mesh&apos;s overhead against a baseline.</source>
        <translation>Jeder Lasttest-Lauf wird hier aufbewahrt. Wählen Sie zwei bis sechs Läufe, um ihre Latenzverteilungen nebeneinander zu vergleichen und den Mehraufwand des Meshes gegenüber einer Basislinie abzulesen.</translation>
    </message>
    <message>
        <source>Run a load test on the Performance page; its result appears here.</source>
        <translation>Führen Sie auf der Seite „Leistung“ einen Lasttest aus; sein Ergebnis erscheint hier.</translation>
    </message>
    <message>
        <source>Go to Performance</source>
        <translation>Zu „Leistung“</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::ExternalGenerator</name>
    <message>
        <source>wrk is not installed. Install it with &quot;sudo apt-get install wrk&quot;, or use the native generator.</source>
        <translation>wrk ist nicht installiert. Installieren Sie es mit „sudo apt-get install wrk“, oder verwenden Sie den eingebauten Generator.</translation>
    </message>
    <message>
        <source>fortio is not on PATH. Debian 12 does not package it: install a release from fortio.org (or &quot;go install fortio.org/fortio@latest&quot;), or use the native generator.</source>
        <translation>fortio ist nicht im PATH. Debian 12 enthält kein Paket dafür: Installieren Sie eine Version von fortio.org (oder „go install fortio.org/fortio@latest“), oder verwenden Sie den eingebauten Generator.</translation>
    </message>
    <message>
        <source>The native generator is built in.</source>
        <translation>Der eingebaute Generator ist Teil von Meshdeck.</translation>
    </message>
    <message>
        <source>wrk ended without printing its results.</source>
        <translation>wrk wurde beendet, ohne seine Ergebnisse auszugeben.</translation>
    </message>
    <message>
        <source>wrk&apos;s results could not be read.</source>
        <translation>Die Ergebnisse von wrk konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This is not a fortio JSON result.</source>
        <translation>Dies ist kein fortio-JSON-Ergebnis.</translation>
    </message>
    <message>
        <source>This JSON has no fortio DurationHistogram or ActualQPS.</source>
        <translation>Dieses JSON hat kein fortio-DurationHistogram oder ActualQPS.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder.</source>
        <translation>Es kann kein temporärer Ordner angelegt werden.</translation>
    </message>
    <message>
        <source>wrk cannot hold a constant rate (that is wrk2, which Debian does not package). Use --max with wrk, or the native generator for a constant rate.</source>
        <translation>wrk kann keine konstante Rate halten (das kann wrk2, für das Debian kein Paket hat). Verwenden Sie --max mit wrk oder den eingebauten Generator für eine konstante Rate.</translation>
    </message>
    <message>
        <source>Cannot write wrk&apos;s script.</source>
        <translation>Das Skript für wrk kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write the request body.</source>
        <translation>Der Anfrageinhalt kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 ist fehlgeschlagen (Exit-Code %2).</translation>
    </message>
    <message>
        <source>Cancelled during the warm-up.</source>
        <translation>Während der Aufwärmphase abgebrochen.</translation>
    </message>
    <message>
        <source>fortio ended without writing its result.</source>
        <translation>fortio wurde beendet, ohne sein Ergebnis zu schreiben.</translation>
    </message>
    <message>
        <source>The fortio histogram has %1 buckets; fortio writes a few hundred at most, so this file is refused.</source>
        <translation>Das fortio-Histogramm hat %1 Buckets; fortio schreibt höchstens einige hundert, daher wird diese Datei abgelehnt.</translation>
    </message>
    <message>
        <source>Bucket %1 of the fortio histogram is damaged: %2. Nothing was imported.</source>
        <translation>Bucket %1 des fortio-Histogramms ist beschädigt: %2. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>its Count %1 is not a whole number of requests</source>
        <translation>sein Count %1 ist keine ganze Zahl von Anfragen</translation>
    </message>
    <message>
        <source>its Start %1 s and End %2 s are not a latency range</source>
        <translation>sein Start %1 s und End %2 s sind kein Latenzbereich</translation>
    </message>
    <message>
        <source>The fortio result counts %1 responses with code %2, which is not a whole number of requests. Nothing was imported.</source>
        <translation>Das fortio-Ergebnis zählt %1 Antworten mit Code %2, keine ganze Zahl von Anfragen. Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::LoadProfile</name>
    <message>
        <source>The profile has no name.</source>
        <translation>Das Profil hat keinen Namen.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; names an unknown generator &quot;%2&quot;.</source>
        <translation>Das Profil „%1“ nennt einen unbekannten Generator „%2“.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; names an unknown protocol &quot;%2&quot;.</source>
        <translation>Das Profil „%1“ nennt ein unbekanntes Protokoll „%2“.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::LoadRunner</name>
    <message>
        <source>Nothing answered at %1: connection refused (%2). Is the server running, and is the port right?</source>
        <translation>Unter %1 hat niemand geantwortet: Verbindung abgelehnt (%2). Läuft der Server, und stimmt der Port?</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check the address and the network.</source>
        <translation>Keine Verbindung zu %1 (%2). Prüfen Sie Adresse und Netzwerk.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed (%2). Pass a CA file, or --insecure for a test server.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen (%2). Geben Sie eine CA-Datei an, oder --insecure für einen Testserver.</translation>
    </message>
    <message>
        <source>%1 accepted connections but never answered in time (%2). Raise the request timeout or check the server.</source>
        <translation>%1 hat Verbindungen angenommen, aber nie rechtzeitig geantwortet (%2). Erhöhen Sie das Anfrage-Zeitlimit oder prüfen Sie den Server.</translation>
    </message>
    <message>
        <source>%1 did not give a valid HTTP response (%2).</source>
        <translation>%1 hat keine gültige HTTP-Antwort gegeben (%2).</translation>
    </message>
    <message>
        <source>No request to %1 completed.</source>
        <translation>Keine Anfrage an %1 wurde abgeschlossen.</translation>
    </message>
    <message>
        <source>No response from %1 completed in %2 s (request timeout %3 s): the server accepted the connections but never answered, or never finished a response. Check the server, or raise the request timeout.</source>
        <translation>Keine Antwort von %1 wurde in %2 s vollständig (Zeitlimit je Anfrage %3 s): der Server hat die Verbindungen angenommen, aber nie geantwortet oder nie eine Antwort beendet. Prüfen Sie den Server, oder erhöhen Sie das Zeitlimit.</translation>
    </message>
    <message>
        <source>%1 does not offer HTTP/2 (%2).</source>
        <translation>%1 bietet kein HTTP/2 an (%2).</translation>
    </message>
    <message>
        <source>%1 reset the requests&apos; streams (%2).</source>
        <translation>%1 hat die Streams der Anfragen zurückgesetzt (%2).</translation>
    </message>
    <message>
        <source>%1 ended its connections with GOAWAY before answering (%2).</source>
        <translation>%1 hat seine Verbindungen mit GOAWAY beendet, bevor es antwortete (%2).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PerformancePage</name>
    <message>
        <source>Give the profile a name to save it.</source>
        <translation>Geben Sie dem Profil einen Namen, um es zu speichern.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Target URL:</source>
        <translation>&amp;Ziel-URL:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;Load:</source>
        <translation>&amp;Last:</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>Constant rate</source>
        <translation>Konstante Rate</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Verbindungen:</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Aufwärmen:</translation>
    </message>
    <message>
        <source>Request time&amp;out:</source>
        <translation>Anfrage-Zeit&amp;limit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation>&amp;Generator:</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>La&amp;bels:</translation>
    </message>
    <message>
        <source>mesh=istio, version=1.22</source>
        <translation>mesh=istio, version=1.22</translation>
    </message>
    <message>
        <source>H&amp;eaders:</source>
        <translation>H&amp;eader:</translation>
    </message>
    <message>
        <source>One per line, e.g. Authorization: Bearer …</source>
        <translation>Einer pro Zeile, z. B. Authorization: Bearer …</translation>
    </message>
    <message>
        <source>Bod&amp;y:</source>
        <translation>Inh&amp;alt:</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the load test (Ctrl+R)</source>
        <translation>Den Lasttest starten (Strg+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop now and keep what was measured</source>
        <translation>Jetzt anhalten und das Gemessene behalten</translation>
    </message>
    <message>
        <source>Open in Results</source>
        <translation>In „Ergebnisse“ öffnen</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Choose a target and a load, then Run. Each run is saved and can be compared on the Results page.</source>
        <translation>Wählen Sie ein Ziel und eine Last, dann „Starten“. Jeder Lauf wird gespeichert und kann auf der Seite „Ergebnisse“ verglichen werden.</translation>
    </message>
    <message>
        <source>Enter the URL to load, for example http://127.0.0.1:9080/productpage.</source>
        <translation>Geben Sie die zu belastende URL ein, zum Beispiel http://127.0.0.1:9080/productpage.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>„%1“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>Running %1 against %2…</source>
        <translation>%1 läuft gegen %2 …</translation>
    </message>
    <message>
        <source>warming up…</source>
        <translation>Aufwärmen …</translation>
    </message>
    <message>
        <source>%1 of %2, %3 left</source>
        <translation>%1 von %2, noch %3</translation>
    </message>
    <message>
        <source>%1 req/s   p50 %2 ms   p99 %3 ms   errors %4</source>
        <translation>%1 Anfr./s   p50 %2 ms   p99 %3 ms   Fehler %4</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: %2 requests at %3 req/s, p50 %4 ms, p99 %5 ms, p99.9 %6 ms, %7 % errors.</source>
        <translation>%1: %2 Anfragen mit %3 Anfr./s, p50 %4 ms, p99 %5 ms, p99,9 %6 ms, %7 % Fehler.</translation>
    </message>
    <message>
        <source>Cancelled, partial result kept</source>
        <translation>Abgebrochen, Teilergebnis behalten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The requested rate of %1/s was not reached: the target or the connections could not keep up.</source>
        <translation>Die angeforderte Rate von %1/s wurde nicht erreicht: Das Ziel oder die Verbindungen kamen nicht mit.</translation>
    </message>
    <message>
        <source>It could not be saved: %1</source>
        <translation>Er konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Save Result As</source>
        <translation>Ergebnis speichern unter</translation>
    </message>
    <message>
        <source>Meshdeck result file (*.pb)</source>
        <translation>Meshdeck-Ergebnisdatei (*.pb)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>Save Result &amp;As…</source>
        <translation>Ergebnis speichern &amp;unter …</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>Load &amp;from:</source>
        <translation>Last &amp;von:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Diesem Computer</translation>
    </message>
    <message>
        <source>The cluster (worker pods of a Job)</source>
        <translation>Dem Cluster (Worker-Pods eines Jobs)</translation>
    </message>
    <message>
        <source>The cluster: Kubernetes runs Meshdeck&apos;s load generator as an Indexed Job inside the cluster, so the requests take the east-west path through the sidecars; the workers&apos; results are merged exactly.</source>
        <translation>Der Cluster: Kubernetes führt Meshdecks Lastgenerator als Indexed Job im Cluster aus, damit die Anfragen den Ost-West-Weg durch die Sidecars nehmen; die Ergebnisse der Worker werden exakt zusammengeführt.</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> Worker</translation>
    </message>
    <message>
        <source>The workers&apos; namespace; created (and removed afterwards) when missing.</source>
        <translation>Der Namespace der Worker; wird angelegt (und danach entfernt), wenn er fehlt.</translation>
    </message>
    <message>
        <source>Inside the mesh</source>
        <translation>Im Mesh</translation>
    </message>
    <message>
        <source>Inject the workers&apos; namespace, so that their own sidecar is on the path (as Istio&apos;s benchmarks measure).</source>
        <translation>Den Namespace der Worker injizieren, damit ihr eigener Sidecar auf dem Weg liegt (wie Istios Benchmarks messen).</translation>
    </message>
    <message>
        <source>Worker pod</source>
        <translation>Worker-Pod</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>No cluster is connected: connect one on the Clusters page, or load from this computer.</source>
        <translation>Kein Cluster verbunden: verbinden Sie einen auf der Seite Cluster, oder erzeugen Sie die Last auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n worker pod(s) in the cluster…</source>
        <translation>
            <numerusform>%n Worker-Pod wird im Cluster gestartet…</numerusform>
            <numerusform>%n Worker-Pods werden im Cluster gestartet…</numerusform>
        </translation>
    </message>
    <message>
        <source>No cluster is connected: connect one on the Clusters page.</source>
        <translation>Kein Cluster verbunden: verbinden Sie einen auf der Seite Cluster.</translation>
    </message>
    <message numerus="yes">
        <source>%n Service port(s) of the cluster are offered in the target box.</source>
        <translation>
            <numerusform>%n Service-Port des Clusters wird im Zielfeld angeboten.</numerusform>
            <numerusform>%n Service-Ports des Clusters werden im Zielfeld angeboten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Measure Mesh &amp;Overhead…</source>
        <translation>Mesh-&amp;Overhead messen …</translation>
    </message>
    <message>
        <source>The same load without and with the mesh at several rates: the latency, CPU and memory the mesh adds</source>
        <translation>Dieselbe Last ohne und mit dem Mesh bei mehreren Raten: die Latenz, CPU und der Speicher, die das Mesh hinzufügt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rate: give whole requests per second from 1 to 10,000,000.</source>
        <translation>„%1“ ist keine Rate: Geben Sie ganze Anfragen pro Sekunde von 1 bis 10.000.000 an.</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source> streams per connection</source>
        <translation> Streams pro Verbindung</translation>
    </message>
    <message>
        <source>HTTP/2 carries this many requests at once on each connection (h2c for http://, negotiated for https://)</source>
        <translation>HTTP/2 trägt so viele Anfragen gleichzeitig auf jeder Verbindung (h2c für http://, ausgehandelt für https://)</translation>
    </message>
    <message>
        <source>package.Service/Method; the body is the request message as JSON. grpc.health.v1 and the demo&apos;s Bookinfo services are known; other methods are called with an empty message.</source>
        <translation>paket.Dienst/Methode; der Inhalt ist die Anfragenachricht als JSON. grpc.health.v1 und die Bookinfo-Dienste der Demo sind bekannt; andere Methoden werden mit einer leeren Nachricht aufgerufen.</translation>
    </message>
    <message>
        <source>The request message as JSON, e.g. {&quot;id&quot;: 1}</source>
        <translation>Die Anfragenachricht als JSON, z. B. {&quot;id&quot;: 1}</translation>
    </message>
    <message>
        <source>gRPC c&amp;all:</source>
        <translation>gRPC-Au&amp;fruf:</translation>
    </message>
    <message>
        <source>A run with a name is kept as that profile (listed on the left, shown in Results&apos; Profile column); without one it is named by its URL.</source>
        <translation>Ein Lauf mit Namen wird als dieses Profil behalten (links aufgeführt, in der Spalte „Profil“ der Ergebnisse gezeigt); ohne Namen wird er nach seiner URL benannt.</translation>
    </message>
    <message>
        <source>A header, the URL or the body still reads &quot;%1&quot;: that secret value was not read from the keyring. Type it again, then start.</source>
        <translation>Ein Header, die URL oder der Inhalt lautet noch „%1“: dieser geheime Wert wurde nicht aus dem Schlüsselbund gelesen. Geben Sie ihn erneut ein und starten Sie dann.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PodShellPanel</name>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>Connecting to %1 in pod %2…</source>
        <translation>Verbinde mit %1 in Pod %2…</translation>
    </message>
    <message>
        <source>Connected to %1 in pod %2. Ctrl+Shift+C copies the screen, Ctrl+Shift+V pastes.</source>
        <translation>Verbunden mit %1 in Pod %2. Strg+Umschalt+C kopiert den Bildschirm, Strg+Umschalt+V fügt ein.</translation>
    </message>
    <message>
        <source>The command ended with exit code %1.</source>
        <translation>Der Befehl endete mit Exit-Code %1.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Select a pod to open a shell in one of its containers.</source>
        <translation>Wählen Sie einen Pod, um eine Shell in einem seiner Container zu öffnen.</translation>
    </message>
    <message>
        <source>Pod %1 is not running: there is no container to open a shell in.</source>
        <translation>Pod %1 läuft nicht: es gibt keinen Container, in dem eine Shell geöffnet werden kann.</translation>
    </message>
    <message>
        <source>Connect runs the command in the chosen container with a terminal.</source>
        <translation>Verbinden führt den Befehl im gewählten Container mit einem Terminal aus.</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>The command to run, e.g. /bin/sh or /bin/bash</source>
        <translation>Der auszuführende Befehl, z. B. /bin/sh oder /bin/bash</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PortForwardModel</name>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Leitet weiter</translation>
    </message>
    <message>
        <source>Forwarding (last error: %1)</source>
        <translation>Leitet weiter (letzter Fehler: %1)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 herein, %2 hinaus</translation>
    </message>
    <message>
        <source>%1 open, %2 in all</source>
        <translation>%1 offen, %2 insgesamt</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Lokale Adresse</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PortForwardPanel</name>
    <message>
        <source>&amp;New Forward…</source>
        <translation>&amp;Neue Weiterleitung…</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Right-click a pod in the tree to forward one of its ports. A Service&apos;s port goes to a ready pod behind it, found again when pods are replaced. Forwards stop when the context is disconnected.</source>
        <translation>Rechtsklick auf einen Pod im Baum leitet einen seiner Ports weiter. Der Port eines Service führt zu einem bereiten Pod dahinter, der neu gefunden wird, wenn Pods ersetzt werden. Weiterleitungen enden, wenn der Kontext getrennt wird.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ProfileSecrets</name>
    <message>
        <source>No keyring is available (a Secret Service such as GNOME Keyring, or KWallet): %1</source>
        <translation>Kein Schlüsselbund verfügbar (ein Secret Service wie GNOME Keyring oder KWallet): %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was saved without its secret values, which could not be kept in the keyring. %2</source>
        <translation>Das Profil „%1“ wurde ohne seine geheimen Werte gespeichert, die nicht im Schlüsselbund abgelegt werden konnten. %2</translation>
    </message>
    <message>
        <source>The secret values of &quot;%1&quot; are not in the keyring (it was saved where no keyring was available): type them again.</source>
        <translation>Die geheimen Werte von „%1“ sind nicht im Schlüsselbund (es wurde ohne verfügbaren Schlüsselbund gespeichert): Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The secret values of &quot;%1&quot; could not be read from the keyring: %2 Type them again.</source>
        <translation>Die geheimen Werte von „%1“ konnten nicht aus dem Schlüsselbund gelesen werden: %2 Geben Sie sie erneut ein.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResourceTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Sidecar</source>
        <translation>Sidecar</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultCodec</name>
    <message>
        <source>The result inside this file is damaged.</source>
        <translation>Das Ergebnis in dieser Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 bytes of payload do not parse</source>
        <translation>%1 Byte Nutzdaten lassen sich nicht lesen</translation>
    </message>
    <message>
        <source>The latency histogram in this file is damaged.</source>
        <translation>Das Latenz-Histogramm in dieser Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>The service-time histogram in this file is damaged.</source>
        <translation>Das Histogramm der Bedienzeit in dieser Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The result uses the protocol &quot;%1&quot;, which this version of Meshdeck does not know; update Meshdeck.</source>
        <translation>Das Ergebnis verwendet das Protokoll „%1“, das diese Meshdeck-Version nicht kennt; aktualisieren Sie Meshdeck.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultFiles</name>
    <message>
        <source>The SMP result has no latencies_ms.</source>
        <translation>Das SMP-Ergebnis hat kein latencies_ms.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The JSON is malformed at offset %1: %2.</source>
        <translation>Das JSON ist an Position %1 fehlerhaft: %2.</translation>
    </message>
    <message>
        <source>The YAML is not a mapping.</source>
        <translation>Das YAML ist keine Zuordnung.</translation>
    </message>
    <message>
        <source>This JSON is neither a fortio result (DurationHistogram) nor a Service Mesh Performance result (PerformanceTestResult).</source>
        <translation>Dieses JSON ist weder ein fortio-Ergebnis (DurationHistogram) noch ein Service-Mesh-Performance-Ergebnis (PerformanceTestResult).</translation>
    </message>
    <message>
        <source>The file holds no runs.</source>
        <translation>Die Datei enthält keine Läufe.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use meshdeck, fortio or smp.</source>
        <translation>Unbekanntes Format „%1“: Verwenden Sie meshdeck, fortio oder smp.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultStore</name>
    <message>
        <source>%1: the results database is in use by another program (another Meshdeck window?). Close it, or wait for its run to finish, and try again.</source>
        <translation>%1: Die Ergebnisdatenbank wird von einem anderen Programm benutzt (einem anderen Meshdeck-Fenster?). Schließen Sie es oder warten Sie, bis sein Lauf endet, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: the disk is full. Nothing was written; free some space and try again, or save the run to a file elsewhere.</source>
        <translation>%1: Der Datenträger ist voll. Es wurde nichts geschrieben; schaffen Sie Platz und versuchen Sie es erneut, oder speichern Sie den Lauf anderswo in eine Datei.</translation>
    </message>
    <message>
        <source>%1: the results database %2 is damaged. Move it aside and start a fresh one; the damaged file is kept for recovery.</source>
        <translation>%1: Die Ergebnisdatenbank %2 ist beschädigt. Verschieben Sie sie und beginnen Sie eine neue; die beschädigte Datei bleibt zur Wiederherstellung erhalten.</translation>
    </message>
    <message>
        <source>%1: the results database is open read-only.</source>
        <translation>%1: Die Ergebnisdatenbank ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the results database %1.</source>
        <translation>Der Ordner für die Ergebnisdatenbank %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There is no results database at %1.</source>
        <translation>Unter %1 gibt es keine Ergebnisdatenbank.</translation>
    </message>
    <message>
        <source>Opening the results database</source>
        <translation>Öffnen der Ergebnisdatenbank</translation>
    </message>
    <message>
        <source>The results database %1 was written by a newer Meshdeck (schema %2; this version knows %3). It is opened read-only; update Meshdeck to add runs.</source>
        <translation>Die Ergebnisdatenbank %1 stammt von einem neueren Meshdeck (Schema %2; diese Version kennt %3). Sie wird schreibgeschützt geöffnet; aktualisieren Sie Meshdeck, um Läufe hinzuzufügen.</translation>
    </message>
    <message>
        <source>Preparing the results database</source>
        <translation>Vorbereiten der Ergebnisdatenbank</translation>
    </message>
    <message>
        <source>Cannot move %1 aside.</source>
        <translation>%1 kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>Saving the run</source>
        <translation>Speichern des Laufs</translation>
    </message>
    <message>
        <source>The results database is open read-only; save the run to a file instead.</source>
        <translation>Die Ergebnisdatenbank ist schreibgeschützt geöffnet; speichern Sie den Lauf stattdessen in eine Datei.</translation>
    </message>
    <message>
        <source>Reading the run</source>
        <translation>Lesen des Laufs</translation>
    </message>
    <message>
        <source>There is no run %1.</source>
        <translation>Es gibt keinen Lauf %1.</translation>
    </message>
    <message>
        <source>Deleting runs</source>
        <translation>Löschen von Läufen</translation>
    </message>
    <message>
        <source>Listing runs</source>
        <translation>Auflisten der Läufe</translation>
    </message>
    <message>
        <source>Counting runs</source>
        <translation>Zählen der Läufe</translation>
    </message>
    <message>
        <source>Saving the profile</source>
        <translation>Speichern des Profils</translation>
    </message>
    <message>
        <source>Reading profiles</source>
        <translation>Lesen der Profile</translation>
    </message>
    <message>
        <source>Deleting the profile</source>
        <translation>Löschen des Profils</translation>
    </message>
    <message>
        <source>Recording the operation</source>
        <translation>Aufzeichnen des Vorgangs</translation>
    </message>
    <message>
        <source>Reading the operation history</source>
        <translation>Lesen des Vorgangsverlaufs</translation>
    </message>
    <message>
        <source>The results database path %1 is a folder, not a file. Give a file name, for example %2.</source>
        <translation>Der Pfad der Ergebnisdatenbank %1 ist ein Ordner, keine Datei. Geben Sie einen Dateinamen an, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Cannot create the results database %1: the folder is not writable.</source>
        <translation>Die Ergebnisdatenbank %1 kann nicht angelegt werden: der Ordner ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>The folder of the results database %1 is not writable, and SQLite keeps its journal beside the database: the runs are shown read-only. To add runs, make the folder writable or choose a database in a writable folder.</source>
        <translation>Der Ordner der Ergebnisdatenbank %1 ist nicht beschreibbar, und SQLite legt sein Journal neben der Datenbank ab: Die Läufe werden schreibgeschützt gezeigt. Um Läufe hinzuzufügen, machen Sie den Ordner beschreibbar oder wählen Sie eine Datenbank in einem beschreibbaren Ordner.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultsController</name>
    <message>
        <source>No results database is open.</source>
        <translation>Es ist keine Ergebnisdatenbank geöffnet.</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>These runs are not from a mesh overhead experiment, or it measured no rate with both arms. Run one from Performance → Measure Mesh Overhead…, then select any of its runs.</source>
        <translation>Diese Läufe stammen nicht aus einem Mesh-Overhead-Experiment, oder es hat keine Rate mit beiden Zweigen gemessen. Starten Sie eines unter Leistung → Mesh-Overhead messen … und wählen Sie dann einen seiner Läufe.</translation>
    </message>
    <message>
        <source>Overhead Report</source>
        <translation>Overhead-Bericht</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Es wurde nichts importiert. %1</translation>
    </message>
    <message>
        <source>Import Results</source>
        <translation>Ergebnisse importieren</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <source>Save Result As</source>
        <translation>Ergebnis speichern unter</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultsPage</name>
    <message>
        <source>Filter by name, profile, mesh, URL or label</source>
        <translation>Nach Name, Profil, Mesh, URL oder Label filtern</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Select 2 to 6 runs (Ctrl or Shift + click), then compare their latency distributions</source>
        <translation>Wählen Sie 2 bis 6 Läufe (Strg- oder Umschalt-Klick) und vergleichen Sie ihre Latenzverteilungen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Move Aside and Start &amp;Fresh</source>
        <translation>Verschieben und &amp;neu beginnen</translation>
    </message>
    <message>
        <source>Import Results</source>
        <translation>Ergebnisse importieren</translation>
    </message>
    <message>
        <source>Results (*.pb *.json *.yaml *.yml);;All files (*)</source>
        <translation>Ergebnisse (*.pb *.json *.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Service Mesh Performance JSON (*.json);;fortio JSON (*.fortio.json);;Meshdeck result file (*.pb)</source>
        <translation>Service-Mesh-Performance-JSON (*.json);;fortio-JSON (*.fortio.json);;Meshdeck-Ergebnisdatei (*.pb)</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Läufe löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overhead &amp;Report</source>
        <translation>Overhead-&amp;Bericht</translation>
    </message>
    <message>
        <source>The mesh overhead report of the experiment the selected runs belong to</source>
        <translation>Der Mesh-Overhead-Bericht des Experiments, zu dem die gewählten Läufe gehören</translation>
    </message>
    <message>
        <source>Back to &amp;runs</source>
        <translation>Zurück zu den &amp;Läufen</translation>
    </message>
    <message>
        <source>%1: written to %2. &lt;a href=&quot;%3&quot;&gt;Open Folder&lt;/a&gt;</source>
        <translation>%1: nach %2 geschrieben. &lt;a href=&quot;%3&quot;&gt;Ordner öffnen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Meshdeck::RunController</name>
    <message>
        <source>No cluster is connected: connect one on the Clusters page, or run the load from this computer.</source>
        <translation>Kein Cluster verbunden: verbinden Sie einen auf der Seite Cluster, oder erzeugen Sie die Last auf diesem Computer.</translation>
    </message>
    <message>
        <source>Service %1/%2</source>
        <translation>Service %1/%2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::RunWorker</name>
    <message>
        <source>No results database is open.</source>
        <translation>Es ist keine Ergebnisdatenbank geöffnet.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::RunsTableModel</name>
    <message>
        <source>%1 (partial)</source>
        <translation>%1 (teilweise)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Mesh</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Requested/s</source>
        <translation>Angefordert/s</translation>
    </message>
    <message>
        <source>Achieved/s</source>
        <translation>Erreicht/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>p99.9 ms</source>
        <translation>p99,9 ms</translation>
    </message>
    <message>
        <source>Errors %</source>
        <translation>Fehler %</translation>
    </message>
</context>
<context>
    <name>Meshdeck::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language of menus and pages. Changes apply at once.</source>
        <translation>Die Sprache der Menüs und Seiten. Änderungen gelten sofort.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;Reopen the page I was on when Meshdeck starts</source>
        <translation>Beim Start die zuletzt geöffnete Seite &amp;wieder öffnen</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Einstellungsdatei:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>&amp;Open Data Folder</source>
        <translation>Datenordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Results and profiles are kept in this folder.</source>
        <translation>Ergebnisse und Profile werden in diesem Ordner abgelegt.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Sparkline</name>
    <message>
        <source>min %1 · max %2</source>
        <translation>min. %1 · max. %2</translation>
    </message>
    <message numerus="yes">
        <source>last %n min</source>
        <translation>
            <numerusform>letzte %n min</numerusform>
            <numerusform>letzte %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n s</source>
        <translation>
            <numerusform>letzte %n s</numerusform>
            <numerusform>letzte %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meshdeck::Telemetry::PrometheusClient</name>
    <message>
        <source>The answer is not Prometheus&apos;s JSON. Is this address a Prometheus server?</source>
        <translation>Die Antwort ist kein Prometheus-JSON. Ist diese Adresse ein Prometheus-Server?</translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus hat die Abfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>The answer has no &quot;status&quot;:&quot;success&quot; and data; it is not from the Prometheus HTTP API.</source>
        <translation>Die Antwort hat kein „status“:„success“ und keine Daten; sie stammt nicht von der Prometheus-HTTP-API.</translation>
    </message>
    <message>
        <source>Expected an instant vector, got &quot;%1&quot;.</source>
        <translation>Ein Instant-Vektor wurde erwartet, „%1“ kam.</translation>
    </message>
    <message>
        <source>More than %1 series: the rest were left out. Narrow the query (namespaces) or raise Prometheus&apos;s relabelling.</source>
        <translation>Mehr als %1 Reihen: Der Rest wurde weggelassen. Schränken Sie die Abfrage ein (Namespaces) oder passen Sie das Relabeling von Prometheus an.</translation>
    </message>
    <message>
        <source>Expected a range matrix.</source>
        <translation>Eine Bereichsmatrix wurde erwartet.</translation>
    </message>
    <message>
        <source>Querying Prometheus at %1</source>
        <translation>Abfrage an Prometheus unter %1</translation>
    </message>
    <message>
        <source>Prometheus at %1 refused the credentials (HTTP %2). Check the token or user set for it.</source>
        <translation>Prometheus unter %1 hat die Zugangsdaten abgelehnt (HTTP %2). Prüfen Sie das dafür gesetzte Token oder den Benutzer.</translation>
    </message>
    <message>
        <source>Prometheus at %1 is not answering yet.</source>
        <translation>Prometheus unter %1 antwortet noch nicht.</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2.</source>
        <translation>Prometheus unter %1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>No Prometheus found in the cluster (looked for %1). Install the mesh&apos;s Prometheus add-on, or give Prometheus&apos;s URL.</source>
        <translation>Kein Prometheus im Cluster gefunden (gesucht: %1). Installieren Sie die Prometheus-Erweiterung des Meshes oder geben Sie die URL von Prometheus an.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Telemetry::ResourceSampler</name>
    <message>
        <source>no cluster is connected, so there is nothing to measure CPU and memory with</source>
        <translation>es ist kein Cluster verbunden, also kann nichts CPU und Speicher messen</translation>
    </message>
    <message>
        <source>Prometheus (%1) has no container_cpu_usage_seconds_total series for %2 (is the kubelet&apos;s cAdvisor endpoint scraped?)</source>
        <translation>Prometheus (%1) hat keine container_cpu_usage_seconds_total-Reihen für %2 (wird der cAdvisor-Endpunkt des Kubelets abgefragt?)</translation>
    </message>
    <message>
        <source>Prometheus (%1) did not answer: %2</source>
        <translation>Prometheus (%1) hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>CPU and memory come from the metrics API (%1); Prometheus was not usable: %2</source>
        <translation>CPU und Speicher kommen aus der Metrics-API (%1); Prometheus war nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>CPU and memory are not available: %1; and the metrics API (metrics.k8s.io) did not answer: %2. Install metrics-server, or a Prometheus that scrapes the kubelets&apos; cAdvisor endpoint.</source>
        <translation>CPU und Speicher sind nicht verfügbar: %1; und die Metrics-API (metrics.k8s.io) hat nicht geantwortet: %2. Installieren Sie metrics-server oder ein Prometheus, das den cAdvisor-Endpunkt der Kubelets abfragt.</translation>
    </message>
    <message>
        <source>Pods started during the run (restarted, rescheduled or scaled): %1</source>
        <translation>Während des Laufs gestartete Pods (neu gestartet, umgeplant oder skaliert): %1</translation>
    </message>
    <message>
        <source>Pods without samples at the end of the run (deleted or restarted): %1</source>
        <translation>Pods ohne Messwerte am Ende des Laufs (gelöscht oder neu gestartet): %1</translation>
    </message>
    <message>
        <source>No CPU samples fell inside the run; runs shorter than two scrape intervals cannot be measured from Prometheus.</source>
        <translation>Keine CPU-Messwerte fielen in den Lauf; Läufe kürzer als zwei Abfrageintervalle lassen sich mit Prometheus nicht messen.</translation>
    </message>
    <message>
        <source>The run&apos;s target namespace is not known (give the URL as a Service name such as http://svc.ns:port, or a label namespace=NS), and the mesh&apos;s control plane had no samples.</source>
        <translation>Der Ziel-Namespace des Laufs ist unbekannt (geben Sie die URL als Service-Namen an, etwa http://svc.ns:port, oder ein Label namespace=NS), und die Steuerungsebene des Meshes hatte keine Messwerte.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Topology::GraphFilter</name>
    <message>
        <source>Cannot read the expression at &quot;%1&quot;.</source>
        <translation>Der Ausdruck ist bei „%1“ nicht lesbar.</translation>
    </message>
    <message>
        <source>The expression is incomplete.</source>
        <translation>Der Ausdruck ist unvollständig.</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot;: combine conditions with and, or, not.</source>
        <translation>Unerwartet: „%1“. Verknüpfen Sie Bedingungen mit and, or, not.</translation>
    </message>
    <message>
        <source>A &quot;(&quot; is never closed.</source>
        <translation>Eine „(“ wird nie geschlossen.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;: use name, namespace, node, app, version, rps, %err, rt, healthy, mtls, sidecar or idle.</source>
        <translation>Unbekanntes Feld „%1“: Verwenden Sie name, namespace, node, app, version, rps, %err, rt, healthy, mtls, sidecar oder idle.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an operator: = != &lt; &gt; &lt;= &gt;= or contains.</source>
        <translation>„%1“ braucht einen Operator: = != &lt; &gt; &lt;= &gt;= oder contains.</translation>
    </message>
    <message>
        <source>&quot;%1 %2&quot; needs a value.</source>
        <translation>„%1 %2“ braucht einen Wert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; compares numbers; &quot;%2&quot; is not one.</source>
        <translation>„%1“ vergleicht Zahlen; „%2“ ist keine.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TopologyPage</name>
    <message>
        <source>The graph could not be refreshed: %1 The last good graph is shown.</source>
        <translation>Der Graph konnte nicht aktualisiert werden: %1 Der letzte gute Graph wird gezeigt.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Aktualisiere …</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Workload graph</source>
        <translation>Workload-Graph</translation>
    </message>
    <message>
        <source>App graph</source>
        <translation>App-Graph</translation>
    </message>
    <message>
        <source>Versioned app graph</source>
        <translation>Versionierter App-Graph</translation>
    </message>
    <message>
        <source>Service graph</source>
        <translation>Dienst-Graph</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>Alle 5 s</translation>
    </message>
    <message>
        <source>Every 10 s</source>
        <translation>Alle 10 s</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Alle 30 s</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>No edge labels</source>
        <translation>Keine Kantenbeschriftung</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Anfragerate</translation>
    </message>
    <message>
        <source>Response time (p99)</source>
        <translation>Antwortzeit (p99)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Security (mTLS)</source>
        <translation>Sicherheit (mTLS)</translation>
    </message>
    <message>
        <source>&amp;Graph:</source>
        <translation>&amp;Graph:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>Re&amp;fresh:</source>
        <translation>Aktualisie&amp;rung:</translation>
    </message>
    <message>
        <source>&amp;Edges:</source>
        <translation>&amp;Kanten:</translation>
    </message>
    <message>
        <source>&amp;Idle nodes</source>
        <translation>&amp;Untätige Knoten</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ak&amp;tualisieren</translation>
    </message>
    <message>
        <source>Fi&amp;t</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Fit the graph to the view (F)</source>
        <translation>Den Graph in die Ansicht einpassen (F)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>&amp;Hide:</source>
        <translation>&amp;Ausblenden:</translation>
    </message>
    <message>
        <source>e.g. rt &gt; 100 or %err &gt; 0</source>
        <translation>z. B. rt &gt; 100 or %err &gt; 0</translation>
    </message>
    <message>
        <source>e.g. namespace = istio-system</source>
        <translation>z. B. namespace = istio-system</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>No live traffic: %1 The graph shows what the Kubernetes API knows (services and the workloads they select).</source>
        <translation>Kein Live-Verkehr: %1 Der Graph zeigt, was die Kubernetes-API weiß (Dienste und die Workloads, die sie auswählen).</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 in &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 in &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;App %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;App %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Pods ready: %1 of %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pods bereit: %1 von %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Inbound: %1 req/s, %2 % errors&lt;br&gt;Outbound: %3 req/s&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eingehend: %1 Anfr./s, %2 % Fehler&lt;br&gt;Ausgehend: %3 Anfr./s&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Health: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zustand: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>missing sidecar: its pods are outside the mesh</source>
        <translation>Sidecar fehlt: Seine Pods sind nicht im Mesh</translation>
    </message>
    <message>
        <source>has a VirtualService</source>
        <translation>hat einen VirtualService</translation>
    </message>
    <message>
        <source>circuit breaker (DestinationRule)</source>
        <translation>Circuit Breaker (DestinationRule)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Protocol %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Protokoll %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No traffic in the window: this edge is the Service selecting its workload.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Verkehr im Zeitfenster: Diese Kante ist der Dienst, der seinen Workload auswählt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 req/s&lt;br&gt;4xx %2 %, 5xx %3 %&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 Anfr./s&lt;br&gt;4xx %2 %, 5xx %3 %&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;p50 %1&lt;br&gt;p95 %2&lt;br&gt;p99 %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;p50 %1&lt;br&gt;p95 %2&lt;br&gt;p99 %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;mTLS: %1 % of requests&lt;/p&gt;</source>
        <translation>&lt;p&gt;mTLS: %1 % der Anfragen&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a node or an edge to see its traffic.&lt;/p&gt;&lt;p&gt;Drag to pan, wheel to zoom, F to fit, Tab to walk the nodes.&lt;/p&gt;&lt;p&gt;Shapes: triangle service, circle workload, square app, hexagon gateway, diamond unknown. Colours: green healthy, amber degraded, red failing, grey idle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Knoten oder eine Kante, um den Verkehr zu sehen.&lt;/p&gt;&lt;p&gt;Ziehen zum Verschieben, Mausrad zum Zoomen, F zum Einpassen, Tab zum Durchlaufen der Knoten.&lt;/p&gt;&lt;p&gt;Formen: Dreieck Dienst, Kreis Workload, Quadrat App, Sechseck Gateway, Raute unbekannt. Farben: grün gesund, gelb beeinträchtigt, rot fehlerhaft, grau untätig.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Layered</source>
        <translation>In Ebenen</translation>
    </message>
    <message>
        <source>Force-directed</source>
        <translation>Kräftebasiert</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Anordnung:</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Traffic &amp;animation</source>
        <translation>Verkehrsanimation (&amp;V)</translation>
    </message>
    <message>
        <source>Dots run along busy edges: more and faster with more requests, red for errors</source>
        <translation>Punkte laufen über belebte Kanten: mehr und schneller bei mehr Anfragen, rot bei Fehlern</translation>
    </message>
    <message>
        <source>no ready pods: its selector matches none, so its calls fail (503)</source>
        <translation>keine bereiten Pods: sein Selektor trifft keinen, also schlagen seine Aufrufe fehl (503)</translation>
    </message>
    <message>
        <source>Exported to %1 — &lt;a href=&quot;%2&quot;&gt;Open Folder&lt;/a&gt;</source>
        <translation>Exportiert nach %1 — &lt;a href=&quot;%2&quot;&gt;Ordner öffnen&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Find: %n match(es)</source>
        <translation>
            <numerusform>Suchen: %n Treffer</numerusform>
            <numerusform>Suchen: %n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Es gibt noch keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <source>configuration error: %1</source>
        <translation>Konfigurationsfehler: %1</translation>
    </message>
    <message>
        <source>configuration warning: %1</source>
        <translation>Konfigurationswarnung: %1</translation>
    </message>
    <message>
        <source>&amp;Route Traffic to %1…</source>
        <translation>Verkehr zu %1 &amp;lenken …</translation>
    </message>
    <message>
        <source>updated %1 · %2 PromQL queries, %3 ms</source>
        <translation>aktualisiert %1 · %2 PromQL-Abfragen, %3 ms</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges</source>
        <translation>%1 Knoten, %2 Kanten</translation>
    </message>
    <message>
        <source>%1 of %2 nodes, %3 of %4 edges shown (the rest hidden)</source>
        <translation>%1 von %2 Knoten, %3 von %4 Kanten gezeigt (der Rest ausgeblendet)</translation>
    </message>
    <message>
        <source>Traffic distribution (%)</source>
        <translation>Verkehrsverteilung (%)</translation>
    </message>
    <message>
        <source>fault injection: its VirtualService delays or aborts requests</source>
        <translation>Fehlerinjektion: sein VirtualService verzögert oder bricht Anfragen ab</translation>
    </message>
    <message>
        <source>a timeout or retries (VirtualService)</source>
        <translation>ein Zeitlimit oder Wiederholungen (VirtualService)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Retries: %1/s (%2 per request), sent by the source&apos;s proxies&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wiederholungen: %1/s (%2 je Anfrage), gesendet von den Proxys der Quelle&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Routing of these requests:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Routing dieser Anfragen:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Retries: not reported. Istio&apos;s proxies export Envoy&apos;s retry counters only when the mesh&apos;s &lt;tt&gt;proxyStatsMatcher&lt;/tt&gt; includes them (for example &lt;tt&gt;inclusionRegexps: [&quot;.*upstream_rq_retry.*&quot;]&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wiederholungen: nicht gemeldet. Die Proxys von Istio exportieren die Wiederholungszähler von Envoy nur, wenn der &lt;tt&gt;proxyStatsMatcher&lt;/tt&gt; des Mesh sie einschließt (zum Beispiel &lt;tt&gt;inclusionRegexps: [".*upstream_rq_retry.*"]&lt;/tt&gt;).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TopologyWorker</name>
    <message>
        <source>No cluster is connected.</source>
        <translation>Es ist kein Cluster verbunden.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TrafficDialog</name>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet …</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt …</translation>
    </message>
    <message>
        <source>%1
Apply again to take these fields over (force).</source>
        <translation>%1
Wenden Sie erneut an, um diese Felder zu übernehmen (force).</translation>
    </message>
    <message>
        <source>Total: %1 %</source>
        <translation>Summe: %1 %</translation>
    </message>
    <message>
        <source>Route Traffic</source>
        <translation>Verkehr lenken</translation>
    </message>
    <message>
        <source>Traffic to %1 in %2</source>
        <translation>Verkehr zu %1 in %2</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>&amp;Faults</source>
        <translation>&amp;Fehlerinjektion</translation>
    </message>
    <message>
        <source>Timeouts and Retr&amp;ies</source>
        <translation>Zeitlimits und &amp;Wiederholungen</translation>
    </message>
    <message>
        <source>The Service&apos;s pods carry no version label, so there is nothing to split between; the other settings still apply.</source>
        <translation>Die Pods des Service tragen kein Versions-Label, es gibt also nichts aufzuteilen; die übrigen Einstellungen gelten trotzdem.</translation>
    </message>
    <message>
        <source>&amp;Even Split</source>
        <translation>&amp;Gleich verteilen</translation>
    </message>
    <message>
        <source>Dela&amp;y:</source>
        <translation>Ver&amp;zögerung:</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>Abor&amp;t with HTTP:</source>
        <translation>Abbruch mit &amp;HTTP:</translation>
    </message>
    <message>
        <source>Re&amp;quest timeout (0: none):</source>
        <translation>Anfrage-Zeitli&amp;mit (0: keins):</translation>
    </message>
    <message>
        <source>Retry atte&amp;mpts (0: Istio&apos;s default):</source>
        <translation>Wiederholungsv&amp;ersuche (0: Istios Standard):</translation>
    </message>
    <message>
        <source>Time &amp;per try (0: none):</source>
        <translation>Zeit &amp;pro Versuch (0: keine):</translation>
    </message>
    <message>
        <source>Retry &amp;on:</source>
        <translation>Wiederholen bei (retry&amp;On):</translation>
    </message>
    <message>
        <source>Max connection&amp;s (0: no limit):</source>
        <translation>Max. Verbindunge&amp;n (0: keine Grenze):</translation>
    </message>
    <message>
        <source>Max pe&amp;nding requests (0: no limit):</source>
        <translation>Max. ausstehende Anf&amp;ragen (0: keine Grenze):</translation>
    </message>
    <message>
        <source>E&amp;ject after consecutive 5xx (0: never):</source>
        <translation>Ausschließen na&amp;ch aufeinanderfolgenden 5xx (0: nie):</translation>
    </message>
    <message>
        <source>Ejection &amp;duration:</source>
        <translation>Ausschluss&amp;dauer:</translation>
    </message>
    <message>
        <source>What Apply changes (VirtualService and DestinationRule %1, server-side apply as &quot;meshdeck&quot;):</source>
        <translation>Was Anwenden ändert (VirtualService und DestinationRule %1, Server-side Apply als „meshdeck“):</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Remove Meshdeck&apos;s &amp;Rules</source>
        <translation>Meshdecks Regeln en&amp;tfernen</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Path prefix</source>
        <translation>Pfadpräfix</translation>
    </message>
    <message>
        <source>Exact path</source>
        <translation>Exakter Pfad</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>A path has no name: give it as the value (/reviews)</source>
        <translation>Ein Pfad hat keinen Namen: Geben Sie ihn als Wert an (/reviews)</translation>
    </message>
    <message>
        <source>Request Ro&amp;uting</source>
        <translation>Anfrage-Ro&amp;uting</translation>
    </message>
    <message>
        <source>Circuit &amp;Breaker and TLS</source>
        <translation>Circuit &amp;Breaker und TLS</translation>
    </message>
    <message>
        <source>The Service&apos;s pods carry no version label, so there is no version to send requests to.</source>
        <translation>Die Pods des Service tragen kein Versions-Label, es gibt also keine Version, zu der Anfragen gehen könnten.</translation>
    </message>
    <message>
        <source>Requests that match a rule go to its version, tried top to bottom; the rest are shared as the Versions tab says. Header names are case-insensitive.</source>
        <translation>Anfragen, die zu einer Regel passen, gehen zu deren Version (von oben nach unten geprüft); die übrigen werden aufgeteilt, wie es der Reiter Versionen sagt. Header-Namen unterscheiden keine Groß- und Kleinschreibung.</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Header or parameter</source>
        <translation>Header oder Parameter</translation>
    </message>
    <message>
        <source>Value (or path)</source>
        <translation>Wert (oder Pfad)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Add Ru&amp;le</source>
        <translation>Rege&amp;l hinzufügen</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>&amp;Client TLS to this service:</source>
        <translation>Client-TL&amp;S zu diesem Dienst:</translation>
    </message>
    <message>
        <source>as the mesh decides (PeerAuthentication)</source>
        <translation>wie das Mesh entscheidet (PeerAuthentication)</translation>
    </message>
    <message>
        <source>Istio mutual TLS (ISTIO_MUTUAL)</source>
        <translation>Istio Mutual TLS (ISTIO_MUTUAL)</translation>
    </message>
    <message>
        <source>plain text (DISABLE)</source>
        <translation>Klartext (DISABLE)</translation>
    </message>
    <message>
        <source>What Apply changes (HTTPRoute %1 and a Service per version, server-side apply as &quot;meshdeck&quot;):</source>
        <translation>Was Anwenden ändert (HTTPRoute %1 und ein Service pro Version, Server-side Apply als „meshdeck“):</translation>
    </message>
    <message>
        <source>&amp;Write as:</source>
        <translation>Schre&amp;iben als:</translation>
    </message>
    <message>
        <source>Istio (VirtualService, DestinationRule)</source>
        <translation>Istio (VirtualService, DestinationRule)</translation>
    </message>
    <message>
        <source>Gateway API (HTTPRoute)</source>
        <translation>Gateway API (HTTPRoute)</translation>
    </message>
</context>
<context>
    <name>Meshdeck::UpgradedStream</name>
    <message>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not take the request in time.</source>
        <translation>%1 hat die Anfrage nicht rechtzeitig angenommen.</translation>
    </message>
    <message>
        <source>%1 answered with a head over 64 KiB: it does not speak HTTP as expected.</source>
        <translation>%1 hat mit einem Kopf über 64 KiB geantwortet: Der Server spricht nicht HTTP wie erwartet.</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering the request.</source>
        <translation>%1 hat die Verbindung geschlossen, ohne die Anfrage zu beantworten.</translation>
    </message>
    <message>
        <source>%1 did not answer the request in time.</source>
        <translation>%1 hat die Anfrage nicht rechtzeitig beantwortet.</translation>
    </message>
    <message>
        <source>%1 did not answer in HTTP (&quot;%2&quot;).</source>
        <translation>%1 hat nicht in HTTP geantwortet („%2“).</translation>
    </message>
    <message>
        <source>The connection to %1 broke: %2.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen: %2.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Yaml</name>
    <message>
        <source> at line %1, column %2</source>
        <translation> in Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>The YAML is malformed%1: %2</source>
        <translation>Das YAML ist fehlerhaft%1: %2</translation>
    </message>
    <message>
        <source>The YAML is nested more than 256 levels deep; it is refused.</source>
        <translation>Das YAML ist mehr als 256 Ebenen tief verschachtelt; es wird abgelehnt.</translation>
    </message>
    <message>
        <source>The YAML expands to far more values than its size holds (aliases that refer to aliases, a &quot;billion laughs&quot; document); it is refused.</source>
        <translation>Das YAML entfaltet sich zu weit mehr Werten, als seine Größe fasst (Aliasse, die auf Aliasse verweisen, ein „Billion Laughs“-Dokument); es wird abgelehnt.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: Klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
</TS>
