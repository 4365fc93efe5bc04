<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>GrpcCatalog</name>
    <message>
        <source>No service &quot;%1&quot; in the gRPC descriptors (known: %2). Give its descriptor set with --proto-set (protoc -o FILE --include_imports).</source>
        <translation>No hay ningún servicio «%1» en los descriptores gRPC (conocidos: %2). Indique su conjunto de descriptores con --proto-set (protoc -o ARCHIVO --include_imports).</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has no method &quot;%2&quot; (it has: %3).</source>
        <translation>El servicio «%1» no tiene el método «%2» (tiene: %3).</translation>
    </message>
    <message>
        <source>%1 is a streaming method; Meshdeck measures unary calls.</source>
        <translation>%1 es un método de streaming; Meshdeck mide llamadas unarias.</translation>
    </message>
    <message>
        <source>The JSON is not a %1 (the message of %2): %3</source>
        <translation>El JSON no es un %1 (el mensaje de %2): %3</translation>
    </message>
    <message>
        <source>This is not a Protobuf descriptor set (make one with protoc -o FILE --include_imports your.proto).</source>
        <translation>Esto no es un conjunto de descriptores Protobuf (cree uno con protoc -o ARCHIVO --include_imports su.proto).</translation>
    </message>
    <message>
        <source>The descriptor set cannot be used: %1 (was it made with --include_imports?)</source>
        <translation>El conjunto de descriptores no se puede usar: %1 (¿se creó con --include_imports?)</translation>
    </message>
    <message>
        <source>The request is not a %1.</source>
        <translation>La petición no es un %1.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::AboutDialog</name>
    <message>
        <source>About Meshdeck</source>
        <translation>Acerca de Meshdeck</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Meshdeck %1&lt;/h2&gt;&lt;p&gt;A desktop application for people who run service meshes on Kubernetes: live service topology, mesh install wizards, and latency benchmarks compared side by side.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Meshdeck %1&lt;/h2&gt;&lt;p&gt;Una aplicación de escritorio para quienes operan service meshes en Kubernetes: topología de servicios en vivo, asistentes de instalación de meshes y pruebas de latencia comparadas lado a lado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>Meshdeck::BoundedFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a pipe or a socket); give the path of a file.</source>
        <translation>%1 no es un archivo normal (un dispositivo, una tubería o un socket); indique la ruta de un archivo.</translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 Meshdeck reads from such a file.</source>
        <translation>%1 ocupa %2, más de los %3 que Meshdeck lee de un archivo así.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 Meshdeck reads from such a file.</source>
        <translation>%1 es mayor que los %2 que Meshdeck lee de un archivo así.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ChecksPanel</name>
    <message>
        <source>Configuration Checks</source>
        <translation>Comprobaciones de configuración</translation>
    </message>
    <message>
        <source>Configuration Checks (%1)</source>
        <translation>Comprobaciones de configuración (%1)</translation>
    </message>
    <message>
        <source>Configuration Checks (OK)</source>
        <translation>Comprobaciones de configuración (OK)</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 error</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 errores</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 advertencia</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 advertencias</translation>
    </message>
    <message>
        <source>Connect a cluster to check its routing configuration.</source>
        <translation>Conecte un clúster para comprobar su configuración de enrutamiento.</translation>
    </message>
    <message>
        <source>Checking the routing configuration…</source>
        <translation>Comprobando la configuración de enrutamiento…</translation>
    </message>
    <message>
        <source>The checks run once the cluster&apos;s objects are read.</source>
        <translation>Las comprobaciones se ejecutan en cuanto se leen los objetos del clúster.</translation>
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
        <translation>El clúster no sirve los tipos de enrutamiento de Istio ni los de la Gateway API; solo se comprobó la inyección de sidecars.</translation>
    </message>
    <message>
        <source>1 routing object checked (%1).</source>
        <translation>1 objeto de enrutamiento comprobado (%1).</translation>
    </message>
    <message>
        <source>%1 routing objects checked (%2).</source>
        <translation>%1 objetos de enrutamiento comprobados (%2).</translation>
    </message>
    <message>
        <source>No mistakes found.</source>
        <translation>No se encontraron errores.</translation>
    </message>
    <message>
        <source>%1, %2. Double-click a finding for the object&apos;s YAML.</source>
        <translation>%1, %2. Haga doble clic en un hallazgo para ver el YAML del objeto.</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Comprobado a las %1.</translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation>Comprobar &amp;ahora</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ClustersPage</name>
    <message>
        <source>Select a namespace, workload or pod to see its YAML.</source>
        <translation>Seleccione un namespace, una carga de trabajo o un pod para ver su YAML.</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Todos los namespaces</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Contexto:</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrar por nombre</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Select a pod to follow its log.</source>
        <translation>Seleccione un pod para seguir su registro.</translation>
    </message>
    <message>
        <source>Following %1 in %2…</source>
        <translation>Siguiendo %1 en %2…</translation>
    </message>
    <message>
        <source>The log stream ended (the container stopped or the pod went away).</source>
        <translation>El flujo del registro terminó (el contenedor se detuvo o el pod desapareció).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the log.</source>
        <translation>«%1» no está en el registro.</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <source>Find in log (Enter)</source>
        <translation>Buscar en el registro (Intro)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Aún no comprobado</translation>
    </message>
    <message>
        <source>Reachable, Kubernetes %1</source>
        <translation>Accesible, Kubernetes %1</translation>
    </message>
    <message>
        <source>Port Forwards</source>
        <translation>Redirecciones de puertos</translation>
    </message>
    <message>
        <source>Open &amp;Shell</source>
        <translation>Abrir &amp;shell</translation>
    </message>
    <message>
        <source>&amp;Forward Port…</source>
        <translation>&amp;Redirigir puerto…</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Streaming %1 in %2; Follow is off, so the view stays where it is.</source>
        <translation>Se sigue leyendo %1 en %2; «Seguir» está desactivado, así que la vista se queda donde está.</translation>
    </message>
    <message>
        <source>&amp;Wrap lines</source>
        <translation>&amp;Ajustar líneas</translation>
    </message>
    <message>
        <source>&amp;Route Traffic to %1…</source>
        <translation>&amp;Enrutar el tráfico a %1…</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ComparisonData</name>
    <message>
        <source>No cluster was connected during the run.</source>
        <translation>No había ningún clúster conectado durante la ejecución.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 requests/s)</source>
        <translation>%1 (%2 de %3 peticiones/s)</translation>
    </message>
    <message>
        <source>Did not reach the requested rate (marked ⚠): %1. Their latency is that of a lighter load than asked; the target or the connections could not keep up.</source>
        <translation>No alcanzaron la tasa pedida (marcadas con ⚠): %1. Su latencia es la de una carga menor que la pedida; el destino o las conexiones no dieron abasto.</translation>
    </message>
    <message>
        <source>Closed-loop runs (%1) are compared with constant-rate runs: a closed loop sends less when the server slows down, so its latency leaves out the waiting a constant rate measures.</source>
        <translation>Se comparan ejecuciones en bucle cerrado (%1) con ejecuciones de tasa constante: un bucle cerrado envía menos cuando el servidor se ralentiza, así que su latencia omite la espera que mide una tasa constante.</translation>
    </message>
    <message>
        <source>The runs use different protocols (%1): part of the difference is the protocol&apos;s, not the mesh&apos;s.</source>
        <translation>Las ejecuciones usan protocolos distintos (%1): parte de la diferencia se debe al protocolo, no a la malla.</translation>
    </message>
    <message>
        <source>%1 was imported from %2, which reported p50 %3 ms and p99 %4 ms; the figures here (p50 %5 ms, p99 %6 ms) are computed from its histogram, whose buckets are coarser than its samples.</source>
        <translation>%1 se importó de %2, que informó p50 %3 ms y p99 %4 ms; las cifras de aquí (p50 %5 ms, p99 %6 ms) se calculan a partir de su histograma, cuyos intervalos son más gruesos que sus muestras.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ComparisonView</name>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Back to &amp;runs</source>
        <translation>Volver a las &amp;ejecuciones</translation>
    </message>
    <message>
        <source>Latency by percentile</source>
        <translation>Latencia por percentil</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribución</translation>
    </message>
    <message>
        <source>Percentiles</source>
        <translation>Percentiles</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>En el tiempo</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s)</source>
        <translation>
            <numerusform>Comparando %n ejecución</numerusform>
            <numerusform>Comparando %n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Percentil</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <source>Share of requests (%)</source>
        <translation>Proporción de peticiones (%)</translation>
    </message>
    <message>
        <source>Seconds into the run</source>
        <translation>Segundos desde el inicio</translation>
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
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Malla</translation>
    </message>
    <message>
        <source>Requested/s</source>
        <translation>Pedidas/s</translation>
    </message>
    <message>
        <source>Achieved/s</source>
        <translation>Logradas/s</translation>
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
        <translation>Errores %</translation>
    </message>
    <message>
        <source> (baseline)</source>
        <translation> (referencia)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máx.</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Exportar comparación</translation>
    </message>
    <message>
        <source>Chart as PNG (*.png);;Chart as SVG (*.svg);;Table as CSV (*.csv);;Runs as JSON (*.json)</source>
        <translation>Gráfico como PNG (*.png);;Gráfico como SVG (*.svg);;Tabla como CSV (*.csv);;Ejecuciones como JSON (*.json)</translation>
    </message>
    <message>
        <source>CPU over time</source>
        <translation>CPU en el tiempo</translation>
    </message>
    <message>
        <source>Memory over time</source>
        <translation>Memoria en el tiempo</translation>
    </message>
    <message>
        <source>Memory (KiB)</source>
        <translation>Memoria (KiB)</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Memoria (MiB)</translation>
    </message>
    <message>
        <source>CPU (millicores)</source>
        <translation>CPU (milinúcleos)</translation>
    </message>
    <message>
        <source>%1 proxies</source>
        <translation>%1 proxies</translation>
    </message>
    <message>
        <source>%1 applications</source>
        <translation>%1 aplicaciones</translation>
    </message>
    <message>
        <source>No CPU or memory was measured for these runs. Runs made while a cluster is connected are sampled; %1</source>
        <translation>No se midió CPU ni memoria en estas ejecuciones. Se miden las ejecuciones hechas con un clúster conectado; %1</translation>
    </message>
    <message>
        <source>Not measured: %1</source>
        <translation>No medido: %1</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ConfigChecksModel</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ConnectionState</name>
    <message>
        <source>Not connected: no cluster context selected</source>
        <translation>Sin conexión: no hay ningún contexto de clúster seleccionado</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Connected to %1 (Kubernetes %2)</source>
        <translation>Conectado a %1 (Kubernetes %2)</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>No se puede alcanzar %1: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::EnvelopeCodec</name>
    <message>
        <source>This is not a Meshdeck file, or it is damaged.</source>
        <translation>Este no es un archivo de Meshdeck o está dañado.</translation>
    </message>
    <message>
        <source>This file holds &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Este archivo contiene «%1», no «%2».</translation>
    </message>
    <message>
        <source>This file was written by a newer Meshdeck (%1, schema %2); this version reads schema %3 and older. Update Meshdeck to open it.</source>
        <translation>Este archivo lo escribió un Meshdeck más reciente (%1, esquema %2); esta versión lee el esquema %3 y anteriores. Actualice Meshdeck para abrirlo.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::FileWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: there is no picture to save.</source>
        <translation>No se puede escribir %1: no hay imagen que guardar.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::FindingDialog</name>
    <message>
        <source>Configuration Finding</source>
        <translation>Hallazgo de configuración</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 en %3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>The object is no longer in the cluster.</source>
        <translation>El objeto ya no está en el clúster.</translation>
    </message>
    <message>
        <source>&amp;Copy YAML</source>
        <translation>&amp;Copiar YAML</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ForwardPortDialog</name>
    <message>
        <source>Forward a Port</source>
        <translation>Redirigir un puerto</translation>
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
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Espacio de nombres:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Remote port:</source>
        <translation>Puerto &amp;remoto:</translation>
    </message>
    <message>
        <source>&amp;Local port:</source>
        <translation>Puerto &amp;local:</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Re&amp;dirigir</translation>
    </message>
    <message>
        <source>Name the namespace and the pod or Service to forward to.</source>
        <translation>Indique el espacio de nombres y el pod o Service de destino.</translation>
    </message>
    <message>
        <source>The remote port is a number from 1 to 65535, e.g. 9080.</source>
        <translation>El puerto remoto es un número de 1 a 65535, p. ej. 9080.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::HttpTransport</name>
    <message>
        <source>The address &quot;%1&quot; is not a valid http or https URL. Check the server address.</source>
        <translation>La dirección «%1» no es una URL http o https válida. Revise la dirección del servidor.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
    <message>
        <source>The request to %1 was cancelled.</source>
        <translation>La solicitud a %1 se canceló.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved. Check the server address and your network or DNS settings.</source>
        <translation>No se pudo resolver el nombre de host «%1». Revise la dirección del servidor y la configuración de red o DNS.</translation>
    </message>
    <message>
        <source>The proxy host could not be resolved. Check the proxy setting.</source>
        <translation>No se pudo resolver el host del proxy. Revise la configuración del proxy.</translation>
    </message>
    <message>
        <source>Could not connect to %1: the connection was refused or the host is unreachable. Check that the server is running and the address and port are right.</source>
        <translation>No se pudo conectar con %1: la conexión fue rechazada o el host no es alcanzable. Compruebe que el servidor esté en marcha y que la dirección y el puerto sean correctos.</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out. The server may be down or a firewall may be dropping the connection.</source>
        <translation>Se agotó el tiempo al conectar con %1. Puede que el servidor esté caído o que un cortafuegos descarte la conexión.</translation>
    </message>
    <message>
        <source>%1 stopped answering: no data arrived within the time limit. Try again; if it keeps happening, the server may be overloaded.</source>
        <translation>%1 dejó de responder: no llegaron datos dentro del tiempo límite. Inténtelo de nuevo; si sigue ocurriendo, puede que el servidor esté sobrecargado.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: its certificate could not be verified or the client certificate was rejected. Check the certificate authority and client certificate you configured.</source>
        <translation>Falló la conexión segura con %1: no se pudo verificar su certificado o se rechazó el certificado de cliente. Revise la autoridad de certificación y el certificado de cliente configurados.</translation>
    </message>
    <message>
        <source>The connection to %1 was reset while talking to the server. Try again.</source>
        <translation>La conexión con %1 se restableció durante la comunicación con el servidor. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 closed the connection or sent an incomplete reply. Try again.</source>
        <translation>%1 cerró la conexión o envió una respuesta incompleta. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The reply from %1 is larger than %2 MiB and was not read.</source>
        <translation>La respuesta de %1 supera los %2 MiB y no se leyó.</translation>
    </message>
    <message>
        <source>The request to %1 failed.</source>
        <translation>La solicitud a %1 falló.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InCluster::InClusterRun</name>
    <message>
        <source>The namespace %1 is still being deleted after a minute; choose another with --namespace, or try again later.</source>
        <translation>El namespace %1 sigue eliminándose tras un minuto; elija otro con --namespace o inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The in-cluster run needs permissions this user lacks in namespace %1: %2. Nothing was created.</source>
        <translation>La ejecución en el clúster necesita permisos que este usuario no tiene en el namespace %1: %2. No se creó nada.</translation>
    </message>
    <message>
        <source>Give at least one worker.</source>
        <translation>Indique al menos un worker.</translation>
    </message>
    <message>
        <source>Checking permissions in %1</source>
        <translation>Comprobando permisos en %1</translation>
    </message>
    <message>
        <source>Creating the Job</source>
        <translation>Creando el Job</translation>
    </message>
    <message>
        <source>Pod %1 cannot pull the worker image %2 (%3). Load the image into the cluster or push it to a registry it can reach, and give it with --image.</source>
        <translation>El pod %1 no puede descargar la imagen del worker %2 (%3). Cargue la imagen en el clúster o súbala a un registro que alcance, e indíquela con --image.</translation>
    </message>
    <message>
        <source>Starting %1 workers</source>
        <translation>Iniciando %1 workers</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Only %1 of %2 worker pods started within %3 s: the cluster may lack room (CPU %4 and memory %5 each) or the image may be slow to pull.</source>
        <translation>Solo %1 de %2 pods de worker arrancaron en %3 s: puede que falte espacio en el clúster (CPU %4 y memoria %5 cada uno) o que la imagen tarde en descargarse.</translation>
    </message>
    <message>
        <source>The Job %1 was deleted by someone else; the run stopped.</source>
        <translation>Otra persona eliminó el Job %1; la ejecución se detuvo.</translation>
    </message>
    <message>
        <source>The workers did not finish in time.</source>
        <translation>Los workers no terminaron a tiempo.</translation>
    </message>
    <message>
        <source>Cancelled; removing the Job</source>
        <translation>Cancelado; eliminando el Job</translation>
    </message>
    <message>
        <source>Merging and removing the Job</source>
        <translation>Combinando resultados y eliminando el Job</translation>
    </message>
    <message>
        <source>Cancelled before any worker reported a result.</source>
        <translation>Cancelado antes de que algún worker informara un resultado.</translation>
    </message>
    <message>
        <source>No worker reported a result: %1</source>
        <translation>Ningún worker informó un resultado: %1</translation>
    </message>
    <message>
        <source>%1 of %2 workers reported no result (%3); the others are merged.</source>
        <translation>%1 de %2 workers no informaron resultado (%3); los demás se combinaron.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InCluster::WorkerProtocol</name>
    <message>
        <source>Worker %1 sent a damaged histogram for second %2.</source>
        <translation>El worker %1 envió un histograma dañado para el segundo %2.</translation>
    </message>
    <message>
        <source>The result of worker %1</source>
        <translation>El resultado del worker %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InstallSession</name>
    <message>
        <source>Existing objects</source>
        <translation>Objetos existentes</translation>
    </message>
    <message>
        <source>Rolled back: what this install created is removed; objects that existed before were left as they were.</source>
        <translation>Revertido: lo que creó esta instalación se ha eliminado; los objetos que ya existían quedaron como estaban.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::InstallWizard</name>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Superada</translation>
    </message>
    <message>
        <source>⚠ Warning</source>
        <translation>⚠ Aviso</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Fallida</translation>
    </message>
    <message>
        <source>– Skipped</source>
        <translation>– Omitida</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Choose a service mesh</source>
        <translation>Elija una malla de servicios</translation>
    </message>
    <message>
        <source>What each one is, and what this cluster already runs. Use the arrow keys to choose.</source>
        <translation>Qué es cada una y qué ejecuta ya este clúster. Use las flechas para elegir.</translation>
    </message>
    <message>
        <source>Not installed here</source>
        <translation>No instalada aquí</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 encontrado</translation>
    </message>
    <message>
        <source>%1 not on PATH</source>
        <translation>%1 no está en el PATH</translation>
    </message>
    <message>
        <source>bundled manifest (%1)</source>
        <translation>manifiesto incluido (%1)</translation>
    </message>
    <message>
        <source>Version, method and options</source>
        <translation>Versión, método y opciones</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Versión:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <source>&amp;Manifest file or URL:</source>
        <translation>Archivo o URL del &amp;manifiesto:</translation>
    </message>
    <message>
        <source>/path/to/mesh.yaml or https://…/install.yaml</source>
        <translation>/ruta/a/mesh.yaml o https://…/install.yaml</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Método:</translation>
    </message>
    <message>
        <source>Control plane:</source>
        <translation>Plano de control:</translation>
    </message>
    <message>
        <source>m&amp;TLS:</source>
        <translation>m&amp;TLS:</translation>
    </message>
    <message>
        <source>Add-ons:</source>
        <translation>Complementos:</translation>
    </message>
    <message>
        <source>&amp;Namespaces to inject after the install:</source>
        <translation>&amp;Namespaces que inyectar tras la instalación:</translation>
    </message>
    <message>
        <source>new namespace</source>
        <translation>namespace nuevo</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63).</source>
        <translation>«%1» no es un nombre de namespace válido (minúsculas, dígitos y &apos;-&apos;, como máximo 63).</translation>
    </message>
    <message>
        <source>Created by the install</source>
        <translation>Lo crea la instalación</translation>
    </message>
    <message>
        <source>Choose a Manifest</source>
        <translation>Elegir un manifiesto</translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml);;All files (*)</source>
        <translation>Manifiestos YAML (*.yaml *.yml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Its &amp;CLI (%1: not on PATH)</source>
        <translation>Su &amp;CLI (%1: no está en el PATH)</translation>
    </message>
    <message>
        <source>Its &amp;CLI (%1 at %2)</source>
        <translation>Su &amp;CLI (%1 en %2)</translation>
    </message>
    <message>
        <source>Bundled manifest (none for %1)</source>
        <translation>Manifiesto incluido (ninguno para %1)</translation>
    </message>
    <message>
        <source>namespace %1 (%2 %3)</source>
        <translation>namespace %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Always on: %1 encrypts traffic between meshed pods; there is no mode to choose.</source>
        <translation>Siempre activo: %1 cifra el tráfico entre pods de la malla; no hay modo que elegir.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 no tiene un modo mTLS para toda la malla.</translation>
    </message>
    <message>
        <source>Mesh default (PERMISSIVE: plain text still accepted)</source>
        <translation>Predeterminado de la malla (PERMISSIVE: aún acepta texto plano)</translation>
    </message>
    <message>
        <source>STRICT: only mTLS between workloads</source>
        <translation>STRICT: solo mTLS entre cargas</translation>
    </message>
    <message>
        <source>PERMISSIVE: mTLS and plain text</source>
        <translation>PERMISSIVE: mTLS y texto plano</translation>
    </message>
    <message>
        <source>Applied as PeerAuthentication &quot;default&quot; in %1.</source>
        <translation>Se aplica como PeerAuthentication «default» en %1.</translation>
    </message>
    <message>
        <source>none offered</source>
        <translation>no se ofrece ninguno</translation>
    </message>
    <message>
        <source>Sets %1=%2 on each; restart their workloads afterwards (the last page offers it).</source>
        <translation>Pone %1=%2 en cada uno; después reinicie sus cargas (la última página lo ofrece).</translation>
    </message>
    <message>
        <source>%1 runs without sidecars.</source>
        <translation>%1 funciona sin sidecars.</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Comprobación previa</translation>
    </message>
    <message>
        <source>Can this cluster take it? Nothing has been changed yet.</source>
        <translation>¿Puede este clúster recibirla? Todavía no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Comprobar de &amp;nuevo</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;The plan cannot be made.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;No se puede hacer el plan.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;A check failed.&lt;/b&gt; Fix what it says, then check again, or go back and choose differently.</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Una comprobación falló.&lt;/b&gt; Corrija lo que indica y compruebe de nuevo, o vuelva atrás y elija otra cosa.</translation>
    </message>
    <message numerus="yes">
        <source>Ready, with %n warning(s): read them before you go on.</source>
        <translation>
            <numerusform>Listo, con %n aviso: léalo antes de continuar.</numerusform>
            <numerusform>Listo, con %n avisos: léalos antes de continuar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything checked out. Next: the full plan.</source>
        <translation>Todo en orden. Siguiente: el plan completo.</translation>
    </message>
    <message>
        <source>Making the plan and asking the cluster…</source>
        <translation>Haciendo el plan y consultando al clúster…</translation>
    </message>
    <message>
        <source>Review the plan</source>
        <translation>Revise el plan</translation>
    </message>
    <message>
        <source>Everything the install will run and apply, in order. Objects that already exist are changes.</source>
        <translation>Todo lo que la instalación ejecutará y aplicará, en orden. Los objetos que ya existen son cambios.</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Instalar</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>%1 new object(s), %2 change(s) to existing ones.</source>
        <translation>%1 objeto(s) nuevo(s), %2 cambio(s) en existentes.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Orígenes</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Órdenes</translation>
    </message>
    <message>
        <source>output applied</source>
        <translation>se aplica su salida</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>se ejecuta</translation>
    </message>
    <message>
        <source>Objects (%1, CRDs first, webhooks last)</source>
        <translation>Objetos (%1, CRD primero, webhooks al final)</translation>
    </message>
    <message>
        <source>exists: change</source>
        <translation>existe: cambio</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Injection on for %1</source>
        <translation>Inyección activada para %1</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Instalando</translation>
    </message>
    <message>
        <source>Each object is applied in turn; Stop halts after the current one and offers a rollback.</source>
        <translation>Cada objeto se aplica por turno; Detener para tras el actual y ofrece revertir.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>At</source>
        <translation>En</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>Re&amp;anudar</translation>
    </message>
    <message>
        <source>&amp;Take Over Conflicting Fields</source>
        <translation>&amp;Tomar los campos en conflicto</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Deteniendo tras el paso actual…</translation>
    </message>
    <message>
        <source>Rolling back what this install created…</source>
        <translation>Revirtiendo lo que creó esta instalación…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applied.&lt;/b&gt; %1 object(s) in %2 s. Next: verification.</source>
        <translation>&lt;b&gt;Aplicado.&lt;/b&gt; %1 objeto(s) en %2 s. Siguiente: verificación.</translation>
    </message>
    <message>
        <source>Applied every step.</source>
        <translation>Todos los pasos aplicados.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped&lt;/b&gt; after %1 of %2 objects. Roll back to remove what was created, or resume.</source>
        <translation>&lt;b&gt;Detenido&lt;/b&gt; tras %1 de %2 objetos. Revierta para quitar lo creado, o reanude.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Failed&lt;/b&gt; after %1 of %2 objects: %3</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Falló&lt;/b&gt; tras %1 de %2 objetos: %3</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Re&amp;intentar</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Rollback stopped:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;La reversión se detuvo:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>aplicando…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>aplicado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>revertido</translation>
    </message>
    <message>
        <source>kept (existed before)</source>
        <translation>conservado (ya existía)</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>Install &amp;Again</source>
        <translation>Instalar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Resuming at step %1…</source>
        <translation>Reanudando en el paso %1…</translation>
    </message>
    <message>
        <source>Applying, taking over conflicting fields…</source>
        <translation>Aplicando, tomando los campos en conflicto…</translation>
    </message>
    <message>
        <source>Applying with server-side apply…</source>
        <translation>Aplicando con server-side apply…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Is it running? The control plane&apos;s pods, the add-ons, and a dry-run pod through the injection webhook.</source>
        <translation>¿Funciona? Los pods del plano de control, los complementos y un pod de prueba (dry run) a través del webhook de inyección.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#2e9d4f&quot;&gt;%1 is installed and working.&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#2e9d4f&quot;&gt;%1 está instalada y funciona.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#d03b3b&quot;&gt;Installed, but not working yet.&lt;/b&gt; The failed check says why.</source>
        <translation>&lt;b style=&quot;color:#d03b3b&quot;&gt;Instalada, pero aún no funciona.&lt;/b&gt; La comprobación fallida dice por qué.</translation>
    </message>
    <message>
        <source>Waiting for the control plane to become Ready…</source>
        <translation>Esperando a que el plano de control esté listo…</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Pasos siguientes</translation>
    </message>
    <message>
        <source>Put an application in the mesh and look at it.</source>
        <translation>Ponga una aplicación en la malla y obsérvela.</translation>
    </message>
    <message>
        <source>&amp;Deploy Bookinfo, injected, into:</source>
        <translation>&amp;Desplegar Bookinfo, inyectada, en:</translation>
    </message>
    <message>
        <source>Open &amp;Topology</source>
        <translation>Abrir &amp;topología</translation>
    </message>
    <message>
        <source>%1 runs in %2. Deploy a sample into a namespace with injection on, then watch its traffic and mTLS on the Topology page; measure the mesh&apos;s overhead on the Performance page.</source>
        <translation>%1 se ejecuta en %2. Despliegue un ejemplo en un namespace con inyección, observe su tráfico y mTLS en la página Topología y mida la sobrecarga de la malla en la página Rendimiento.</translation>
    </message>
    <message>
        <source>Restart the workloads of %1 (to add sidecars)</source>
        <translation>Reiniciar las cargas de %1 (para añadir sidecars)</translation>
    </message>
    <message>
        <source>Restarting the workloads of %1…</source>
        <translation>Reiniciando las cargas de %1…</translation>
    </message>
    <message>
        <source>Install a Service Mesh</source>
        <translation>Instalar una malla de servicios</translation>
    </message>
    <message>
        <source>Installed here: %1, %2/%3 Ready</source>
        <translation>Instalado aquí: %1, %2/%3 listos</translation>
    </message>
    <message>
        <source>B&amp;undled manifest (%1 %2, made for the demo cluster; works offline)</source>
        <translation>Manifiesto &amp;incluido (%1 %2, hecho para el clúster de demostración; funciona sin conexión)</translation>
    </message>
    <message>
        <source>B&amp;undled manifest (%1 %2: for the demo cluster only, not this one)</source>
        <translation>Manifiesto &amp;incluido (%1 %2: solo para el clúster de demostración, no este)</translation>
    </message>
    <message>
        <source>A release manifest of %1 (file or https URL); or install %2 (%3) and come back</source>
        <translation>Un manifiesto de versión de %1 (archivo o URL https); o instale %2 (%3) y vuelva</translation>
    </message>
    <message>
        <source>Helm charts (none Meshdeck can render for %1)</source>
        <translation>Charts de Helm (ninguno que Meshdeck pueda renderizar para %1)</translation>
    </message>
    <message>
        <source>&amp;Helm charts (helm: not on PATH)</source>
        <translation>Charts de &amp;Helm (helm: no está en el PATH)</translation>
    </message>
    <message>
        <source>&amp;Helm charts, rendered by helm into the plan</source>
        <translation>Charts de &amp;Helm, renderizados por helm en el plan</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ChannelSocket</name>
    <message>
        <source>Cannot %1: the API server did not answer within %2 s. Check that it is up and reachable.</source>
        <translation>No se puede %1: el servidor de API no respondió en %2 s. Compruebe que está activo y accesible.</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>No se puede %1: %2</translation>
    </message>
    <message>
        <source>Cannot %1: the server&apos;s answer to the WebSocket request is not valid (a proxy in between may not pass WebSockets).</source>
        <translation>No se puede %1: la respuesta del servidor a la petición WebSocket no es válida (puede que un proxy intermedio no deje pasar WebSockets).</translation>
    </message>
    <message>
        <source>Cannot %1: out of memory.</source>
        <translation>No se puede %1: no queda memoria.</translation>
    </message>
    <message>
        <source>The WebSocket connection failed while sending.</source>
        <translation>La conexión WebSocket falló al enviar.</translation>
    </message>
    <message>
        <source>The API server sent something that is not a WebSocket frame.</source>
        <translation>El servidor de API envió algo que no es una trama WebSocket.</translation>
    </message>
    <message>
        <source>Cannot %1: the API server refused the WebSocket upgrade%2. It may speak only SPDY for streams (Kubernetes before 1.29, or a proxy in front of it that does not pass WebSockets); Meshdeck needs WebSocket support, kubectl can still use SPDY there.</source>
        <translation>No se puede %1: el servidor de la API rechazó el cambio a WebSocket%2. Quizá solo hable SPDY para los flujos (Kubernetes anterior a 1.29, o un proxy delante que no deja pasar WebSockets); Meshdeck necesita WebSocket, kubectl aún puede usar SPDY allí.</translation>
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
        <translation>%1 Reconectando…</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ExecCredentialProvider</name>
    <message>
        <source>The credential plugin of user &quot;%1&quot; asks for %2; Meshdeck supports client.authentication.k8s.io/v1 and v1beta1. Update the plugin or its apiVersion in the kubeconfig.</source>
        <translation>El complemento de credenciales del usuario «%1» pide %2; Meshdeck admite client.authentication.k8s.io/v1 y v1beta1. Actualice el complemento o su apiVersion en el kubeconfig.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; was not found on PATH.</source>
        <translation>No se encontró en el PATH el complemento de credenciales «%1» del usuario «%2».</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; could not be started: %2</source>
        <translation>No se pudo iniciar el complemento de credenciales «%1»: %2</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; did not finish within %2 seconds. It may be waiting for a login in a browser or terminal: run it once by hand.</source>
        <translation>El complemento de credenciales «%1» no terminó en %2 segundos. Puede que espere un inicio de sesión en un navegador o terminal: ejecútelo una vez a mano.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; failed (exit code %3)%4</source>
        <translation>El complemento de credenciales «%1» del usuario «%2» falló (código de salida %3)%4</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; printed something that is not an ExecCredential with a status. Run it by hand to see what it prints.</source>
        <translation>El complemento de credenciales «%1» imprimió algo que no es un ExecCredential con estado. Ejecútelo a mano para ver lo que imprime.</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; returned neither a token nor a client certificate and key.</source>
        <translation>El complemento de credenciales «%1» no devolvió ni un token ni un certificado de cliente con su clave.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::ForwardTunnel</name>
    <message>
        <source>Cannot %1: %2</source>
        <translation>No se puede %1: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::KubeClient</name>
    <message>
        <source>Context &quot;%1&quot;</source>
        <translation>Contexto «%1»</translation>
    </message>
    <message>
        <source>The cluster of context &quot;%1&quot; rejected the credentials of user &quot;%2&quot; (401 Unauthorized). They may have expired: log in again, or check the user in your kubeconfig.</source>
        <translation>El clúster del contexto «%1» rechazó las credenciales del usuario «%2» (401 Unauthorized). Puede que hayan caducado: inicie sesión de nuevo o revise el usuario en su kubeconfig.</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anónimo)</translation>
    </message>
    <message>
        <source>Not allowed in context &quot;%1&quot;: %2. Ask a cluster administrator for this permission, or use a context whose user has it.</source>
        <translation>No permitido en el contexto «%1»: %2. Pida este permiso a un administrador del clúster o use un contexto cuyo usuario lo tenga.</translation>
    </message>
    <message>
        <source>Not found in context &quot;%1&quot;: %2</source>
        <translation>No encontrado en el contexto «%1»: %2</translation>
    </message>
    <message>
        <source>Conflict in context &quot;%1&quot;: %2</source>
        <translation>Conflicto en el contexto «%1»: %2</translation>
    </message>
    <message>
        <source>The data requested from context &quot;%1&quot; is no longer available: %2</source>
        <translation>Los datos solicitados al contexto «%1» ya no están disponibles: %2</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; is rate-limiting requests; try again shortly.</source>
        <translation>El servidor de API del contexto «%1» está limitando las solicitudes; inténtelo de nuevo en breve.</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; answered with an error (%2): %3. Try again later.</source>
        <translation>El servidor de API del contexto «%1» respondió con un error (%2): %3. Inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The request was refused in context &quot;%1&quot; (%2): %3</source>
        <translation>La solicitud fue rechazada en el contexto «%1» (%2): %3</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; sent a reply that is not a JSON object.</source>
        <translation>El servidor de API del contexto «%1» envió una respuesta que no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The watch stream of context &quot;%1&quot; carried a malformed event; it will be restarted.</source>
        <translation>El flujo de watch del contexto «%1» contenía un evento mal formado; se reiniciará.</translation>
    </message>
    <message>
        <source>The API server of context &quot;%1&quot; did not answer within %2 s (Meshdeck&apos;s request timeout). It may be overloaded, or something between you and it holds the connection: try again, or check the server.</source>
        <translation>El servidor de API del contexto «%1» no respondió en %2 s (el tiempo límite de Meshdeck para peticiones). Puede estar sobrecargado, o algo entre usted y él retiene la conexión: inténtelo de nuevo o revise el servidor.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::Kubeconfig</name>
    <message>
        <source>%1 of &quot;%2&quot; in %3 is not valid base64. Re-export the credentials, or use %4 to point to a PEM file instead.</source>
        <translation>%1 de «%2» en %3 no es base64 válido. Vuelva a exportar las credenciales o use %4 para apuntar a un archivo PEM.</translation>
    </message>
    <message>
        <source>%1 of &quot;%2&quot; in %3 does not hold PEM data (no &quot;-----BEGIN&quot; line after decoding).</source>
        <translation>%1 de «%2» en %3 no contiene datos PEM (sin línea «-----BEGIN» tras decodificar).</translation>
    </message>
    <message>
        <source>The kubeconfig %1 does not exist. Check the path, or leave --kubeconfig out to use $KUBECONFIG or ~/.kube/config.</source>
        <translation>El kubeconfig %1 no existe. Revise la ruta u omita --kubeconfig para usar $KUBECONFIG o ~/.kube/config.</translation>
    </message>
    <message>
        <source>No kubeconfig found (looked for %1). Create one with your cloud&apos;s CLI or kubectl, or start the demo cluster with &apos;meshdeck demo-cluster --kubeconfig FILE&apos;.</source>
        <translation>No se encontró ningún kubeconfig (se buscó %1). Cree uno con la CLI de su nube o con kubectl, o inicie el clúster de demostración con «meshdeck demo-cluster --kubeconfig ARCHIVO».</translation>
    </message>
    <message>
        <source>The kubeconfig %1 cannot be parsed</source>
        <translation>No se puede analizar el kubeconfig %1</translation>
    </message>
    <message>
        <source>The kubeconfig %1 is not a kubeconfig: its top level is not a map.</source>
        <translation>%1 no es un kubeconfig: su nivel superior no es un mapa.</translation>
    </message>
    <message>
        <source>No context is selected in %1. Choose one with --context NAME or &apos;kubectl config use-context NAME&apos;.</source>
        <translation>No hay ningún contexto seleccionado en %1. Elija uno con --context NOMBRE o «kubectl config use-context NOMBRE».</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; is not in %2. Known contexts: %3.</source>
        <translation>El contexto «%1» no está en %2. Contextos conocidos: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; refers to the cluster &quot;%2&quot;, which %3 does not define.</source>
        <translation>El contexto «%1» se refiere al clúster «%2», que %3 no define.</translation>
    </message>
    <message>
        <source>The cluster &quot;%1&quot; of context &quot;%2&quot; has no server address.</source>
        <translation>El clúster «%1» del contexto «%2» no tiene dirección de servidor.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; of cluster &quot;%2&quot; is not an http or https URL.</source>
        <translation>La dirección de servidor «%1» del clúster «%2» no es una URL http o https.</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; refers to the user &quot;%2&quot;, which %3 does not define.</source>
        <translation>El contexto «%1» se refiere al usuario «%2», que %3 no define.</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; authenticates with the legacy auth-provider &quot;%2&quot;, which Kubernetes removed. Switch it to an exec credential plugin (for GKE: gke-gcloud-auth-plugin; for Azure: kubelogin convert-kubeconfig).</source>
        <translation>El usuario «%1» se autentica con el auth-provider heredado «%2», que Kubernetes eliminó. Cámbielo a un complemento de credenciales exec (GKE: gke-gcloud-auth-plugin; Azure: kubelogin convert-kubeconfig).</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; has a client certificate without its key, or a key without its certificate. Both are needed.</source>
        <translation>El usuario «%1» tiene un certificado de cliente sin su clave, o una clave sin su certificado. Se necesitan ambos.</translation>
    </message>
    <message>
        <source>The %1 file of &quot;%2&quot; cannot be read: %3 Check the path in your kubeconfig.</source>
        <translation>No se puede leer el archivo %1 de «%2»: %3 Revise la ruta en su kubeconfig.</translation>
    </message>
    <message>
        <source>Reading the kubeconfig</source>
        <translation>Leyendo la kubeconfig</translation>
    </message>
    <message>
        <source>the credential of the exec plugin %1</source>
        <translation>la credencial del plugin exec %1</translation>
    </message>
    <message>
        <source>the token</source>
        <translation>el token</translation>
    </message>
    <message>
        <source>the user name and password</source>
        <translation>el usuario y la contraseña</translation>
    </message>
    <message>
        <source>The API server %1 is reached over plain HTTP: %2 of user %3 travels unencrypted, readable by anyone on the path. Use an https:// server address.</source>
        <translation>Al servidor de API %1 se llega por HTTP sin cifrar: %2 del usuario %3 viaja sin cifrar, legible para cualquiera en el camino. Use una dirección de servidor https://.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::PodExec</name>
    <message>
        <source>run a command in pod %1</source>
        <translation>ejecutar una orden en el pod %1</translation>
    </message>
    <message>
        <source>The connection to the cluster closed before the command ended (the pod may have been deleted, or the network dropped).</source>
        <translation>La conexión con el clúster se cerró antes de que terminara la orden (quizá se borró el pod o cayó la red).</translation>
    </message>
    <message>
        <source>The connection to the cluster broke before the command ended: %1</source>
        <translation>La conexión con el clúster se cortó antes de que terminara la orden: %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Kube::PortForwarder</name>
    <message>
        <source>Local port %1 is in use by another program. Port %2 is free: forward %2:%3 instead.</source>
        <translation>Otro programa usa el puerto local %1. El puerto %2 está libre: redirija %2:%3 en su lugar.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>No se puede escuchar en %1:%2: %3</translation>
    </message>
    <message>
        <source>Pod %1 is not running (phase %2): there is nothing to forward to yet.</source>
        <translation>El pod %1 no está en ejecución (fase %2): todavía no hay adónde redirigir.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Service %1 has no port %2.</source>
        <translation>El Service %1 no tiene el puerto %2.</translation>
    </message>
    <message>
        <source>Service %1 selects no pods (it has no selector): forward to a pod instead.</source>
        <translation>El Service %1 no selecciona pods (no tiene selector): redirija a un pod en su lugar.</translation>
    </message>
    <message>
        <source>No ready pod behind Service %1 (%2 selected): try again when one is ready.</source>
        <translation>No hay ningún pod listo tras el Service %1 (%2 seleccionados): inténtelo de nuevo cuando haya uno.</translation>
    </message>
    <message>
        <source>Service %1&apos;s target port &quot;%2&quot; is not a port of pod %3.</source>
        <translation>El puerto de destino «%2» del Service %1 no es un puerto del pod %3.</translation>
    </message>
    <message>
        <source>forward a port to pod %1</source>
        <translation>redirigir un puerto al pod %1</translation>
    </message>
</context>
<context>
    <name>Meshdeck::LifecycleController</name>
    <message>
        <source>Uninstall %1</source>
        <translation>Desinstalar %1</translation>
    </message>
    <message>
        <source>Injection on for %1</source>
        <translation>Inyección activada en %1</translation>
    </message>
    <message>
        <source>Injection off for %1</source>
        <translation>Inyección desactivada en %1</translation>
    </message>
    <message>
        <source>Restart the namespace&apos;s workloads for the change to reach their pods.</source>
        <translation>Reinicie las cargas del espacio de nombres para que el cambio llegue a sus pods.</translation>
    </message>
    <message>
        <source>Deploy %1 in %2</source>
        <translation>Desplegar %1 en %2</translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>Quitar %1 de %2</translation>
    </message>
    <message>
        <source>Restart workloads in %1</source>
        <translation>Reiniciar cargas en %1</translation>
    </message>
    <message>
        <source>Restarted %1</source>
        <translation>%1 reiniciado</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) restarted in %1; their new pods follow the namespace&apos;s injection setting.</source>
        <translation>
            <numerusform>%n carga reiniciada en %1; sus pods nuevos siguen la inyección del namespace.</numerusform>
            <numerusform>%n cargas reiniciadas en %1; sus pods nuevos siguen la inyección del namespace.</numerusform>
        </translation>
    </message>
    <message>
        <source>mTLS %1</source>
        <translation>mTLS %1</translation>
    </message>
    <message>
        <source>Mesh-wide mTLS is now %1.</source>
        <translation>El mTLS de toda la malla es ahora %1.</translation>
    </message>
    <message>
        <source>Route traffic for %1 in %2</source>
        <translation>Enrutar el tráfico de %1 en %2</translation>
    </message>
    <message>
        <source>Apply %1 %2</source>
        <translation>Aplicar %1 %2</translation>
    </message>
    <message>
        <source>Applied: %1 of %2 follows the new routing within a refresh.</source>
        <translation>Aplicado: %1 de %2 sigue el nuevo enrutamiento en una actualización.</translation>
    </message>
    <message>
        <source>Remove traffic rules for %1 in %2</source>
        <translation>Quitar las reglas de tráfico de %1 en %2</translation>
    </message>
    <message>
        <source>Meshdeck&apos;s rules for %1 are removed.</source>
        <translation>Las reglas de Meshdeck para %1 están quitadas.</translation>
    </message>
    <message>
        <source>This user may not change VirtualServices in %1 (ask for patch on networking.istio.io).</source>
        <translation>Este usuario no puede cambiar VirtualServices en %1 (pida patch en networking.istio.io).</translation>
    </message>
    <message>
        <source>This user may not change HTTPRoutes in %1 (ask for patch on gateway.networking.k8s.io).</source>
        <translation>Este usuario no puede cambiar HTTPRoutes en %1 (pida patch en gateway.networking.k8s.io).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::LifecyclePage</name>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: hecho</translation>
    </message>
    <message>
        <source>%1: FAILED</source>
        <translation>%1: FALLÓ</translation>
    </message>
    <message>
        <source>Service meshes</source>
        <translation>Mallas de servicios</translation>
    </message>
    <message>
        <source>Sidecar injection</source>
        <translation>Inyección de sidecars</translation>
    </message>
    <message>
        <source>Sample applications</source>
        <translation>Aplicaciones de ejemplo</translation>
    </message>
    <message>
        <source>Operation log</source>
        <translation>Registro de la operación</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Malla</translation>
    </message>
    <message>
        <source>In this cluster</source>
        <translation>En este clúster</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Instalar…</translation>
    </message>
    <message>
        <source>&amp;Uninstall…</source>
        <translation>&amp;Desinstalar…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>Des&amp;plegar</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Inject &amp;sidecars first</source>
        <translation>Inyectar &amp;sidecars antes</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>espacio de nombres</translation>
    </message>
    <message>
        <source>%1, %2 of %3 ready</source>
        <translation>%1, %2 de %3 listos</translation>
    </message>
    <message>
        <source>CRDs only (control plane missing)</source>
        <translation>solo CRD (falta el plano de control)</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>no instalada</translation>
    </message>
    <message>
        <source>Uninstall %1</source>
        <translation>Desinstalar %1</translation>
    </message>
    <message>
        <source>Name the namespace to deploy the sample in.</source>
        <translation>Indique el espacio de nombres donde desplegar el ejemplo.</translation>
    </message>
    <message>
        <source>No steps were recorded.</source>
        <translation>No se registraron pasos.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Restart &amp;Workloads</source>
        <translation>Reiniciar &amp;cargas</translation>
    </message>
    <message>
        <source>Restart the selected namespace&apos;s workloads so that their pods get (or lose) sidecars</source>
        <translation>Reiniciar las cargas del namespace elegido para que sus pods obtengan (o pierdan) sidecars</translation>
    </message>
    <message>
        <source>m&amp;TLS:</source>
        <translation>m&amp;TLS:</translation>
    </message>
    <message>
        <source>default (not set)</source>
        <translation>predeterminado (sin fijar)</translation>
    </message>
    <message>
        <source>always on</source>
        <translation>siempre activo</translation>
    </message>
    <message>
        <source>no mesh</source>
        <translation>sin malla</translation>
    </message>
    <message>
        <source>Install verified.</source>
        <translation>Instalación verificada.</translation>
    </message>
    <message>
        <source>Install not verified.</source>
        <translation>Instalación no verificada.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1&apos;s control plane, add-ons and CRDs (%n object(s), listed under Details)? Namespaces are kept; injected workloads keep their sidecars until they restart.</source>
        <translation>
            <numerusform>¿Quitar el plano de control, los complementos y las CRD de %1 (%n objeto, listado en Detalles)? Los namespaces se conservan; las cargas inyectadas mantienen sus sidecars hasta reiniciarse.</numerusform>
            <numerusform>¿Quitar el plano de control, los complementos y las CRD de %1 (%n objetos, listados en Detalles)? Los namespaces se conservan; las cargas inyectadas mantienen sus sidecars hasta reiniciarse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click an operation for its steps.</source>
        <translation>Haga doble clic en una operación para ver sus pasos.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;App:</source>
        <translation>Ap&amp;licación:</translation>
    </message>
    <message>
        <source>Restart &amp;Workloads in %1</source>
        <translation>Reiniciar &amp;cargas en %1</translation>
    </message>
    <message>
        <source>Sidecars injected (no mesh installed)</source>
        <translation>Sidecars inyectados (ninguna malla instalada)</translation>
    </message>
    <message>
        <source>%1 sidecars injected</source>
        <translation>Sidecars de %1 inyectados</translation>
    </message>
    <message>
        <source>in namespac&amp;e:</source>
        <translation>en el espacio de &amp;nombres:</translation>
    </message>
    <message>
        <source>&amp;Open Dashboard</source>
        <translation>Abrir &amp;panel</translation>
    </message>
    <message>
        <source>%1 (%2/%3:%4)</source>
        <translation>%1 (%2/%3:%4)</translation>
    </message>
    <message>
        <source>Forwarding %1/%2:%3 for %4…</source>
        <translation>Redirigiendo %1/%2:%3 para %4…</translation>
    </message>
    <message>
        <source>Open a running add-on&apos;s web UI in the browser, through a port forward (listed on the Clusters page under Port Forwards)</source>
        <translation>Abrir en el navegador la interfaz web de un complemento en ejecución, mediante una redirección de puerto (listada en la página Clústeres, en Redirecciones de puertos)</translation>
    </message>
    <message>
        <source>No add-on with a web UI runs in this cluster. The install wizard adds Prometheus, Grafana, Jaeger and Kiali to Istio, and Viz to Linkerd.</source>
        <translation>En este clúster no se ejecuta ningún complemento con interfaz web. El asistente de instalación añade Prometheus, Grafana, Jaeger y Kiali a Istio, y Viz a Linkerd.</translation>
    </message>
    <message>
        <source>add-ons: %1</source>
        <translation>complementos: %1</translation>
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
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Meshdeck</source>
        <translation>&amp;Acerca de Meshdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>demo Bookinfo productpage</source>
        <translation>productpage de Bookinfo de la demo</translation>
    </message>
    <message>
        <source>demo Bookinfo productpage through sidecars</source>
        <translation>productpage de Bookinfo de la demo a través de sidecars</translation>
    </message>
    <message>
        <source>Not connected: choose a context first.</source>
        <translation>Sin conexión: elija primero un contexto.</translation>
    </message>
    <message>
        <source>Route Traffic</source>
        <translation>Enrutar el tráfico</translation>
    </message>
    <message>
        <source>Another operation is running; apply again when it has ended (Lifecycle page).</source>
        <translation>Otra operación está en curso; aplique de nuevo cuando termine (página Ciclo de vida).</translation>
    </message>
    <message>
        <source>Another operation is running; try again when it has ended (Lifecycle page).</source>
        <translation>Otra operación está en curso; inténtelo de nuevo cuando termine (página Ciclo de vida).</translation>
    </message>
    <message>
        <source>Opened %1 in the browser. The forward stays on the Clusters page under Port Forwards until stopped or disconnected.</source>
        <translation>%1 abierto en el navegador. La redirección sigue en la página Clústeres, en Redirecciones de puertos, hasta que se detenga o se desconecte.</translation>
    </message>
    <message>
        <source>Could not forward %1: %2</source>
        <translation>No se pudo redirigir %1: %2</translation>
    </message>
    <message>
        <source>Routing %1 needs Istio&apos;s networking.istio.io/v1 kinds (VirtualService, DestinationRule) or the Gateway API&apos;s HTTPRoute (gateway.networking.k8s.io/v1), and this cluster serves neither. Install Istio, or Linkerd with the Gateway API&apos;s CRDs, on the Lifecycle page first.</source>
        <translation>Enrutar %1 necesita los tipos de Istio de networking.istio.io/v1 (VirtualService, DestinationRule) o la HTTPRoute de la Gateway API (gateway.networking.k8s.io/v1), y este clúster no sirve ninguno. Instale antes Istio, o Linkerd con los CRD de la Gateway API, en la página Ciclo de vida.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Catalog</name>
    <message>
        <source>Envoy sidecars (or ambient mode) with rich traffic management, mTLS and telemetry; the most featureful and the heaviest.</source>
        <translation>Sidecars de Envoy (o modo ambient) con gestión de tráfico completa, mTLS y telemetría; la malla con más funciones y la más pesada.</translation>
    </message>
    <message>
        <source>A small Rust micro-proxy per pod, mTLS on by default, little to configure; the lightest sidecar mesh.</source>
        <translation>Un pequeño microproxy en Rust por pod, mTLS activado por defecto, poco que configurar; la malla de sidecars más ligera.</translation>
    </message>
    <message>
        <source>HashiCorp&apos;s service networking: Envoy sidecars with Consul&apos;s catalog, reaching VMs and several clusters.</source>
        <translation>La red de servicios de HashiCorp: sidecars de Envoy con el catálogo de Consul, que llega a máquinas virtuales y a varios clústeres.</translation>
    </message>
    <message>
        <source>Envoy-based mesh from Kong for Kubernetes and VMs, with multi-zone control planes and policy CRDs.</source>
        <translation>Malla basada en Envoy de Kong para Kubernetes y máquinas virtuales, con planos de control multizona y CRD de políticas.</translation>
    </message>
    <message>
        <source>eBPF networking with a sidecarless mesh: per-node Envoy, identity-based policy and Hubble observability.</source>
        <translation>Red eBPF con una malla sin sidecars: Envoy por nodo, políticas basadas en identidad y observabilidad con Hubble.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::ConfigChecks</name>
    <message>
        <source>It is bound to the Gateway %1/%2, which does not exist: traffic through that gateway is not routed by it. Create the Gateway or correct the name (namespace/name, or a name in %3).</source>
        <translation>Está vinculado al Gateway %1/%2, que no existe: el tráfico por ese gateway no lo enruta. Cree el Gateway o corrija el nombre (espacio de nombres/nombre, o un nombre en %3).</translation>
    </message>
    <message>
        <source>Its route sends traffic to %1, but no Service or ServiceEntry has that host: requests get 503. Correct the host or create the Service.</source>
        <translation>Su ruta envía tráfico a %1, pero ningún Service ni ServiceEntry tiene ese host: las solicitudes reciben 503. Corrija el host o cree el Service.</translation>
    </message>
    <message>
        <source>A route weight is outside 0 to 100. Give each destination a share between 0 and 100.</source>
        <translation>Un peso de ruta está fuera de 0 a 100. Dé a cada destino una parte entre 0 y 100.</translation>
    </message>
    <message>
        <source>The weights of its %1 destinations add up to %2, not 100: Istio rejects them or rescales them silently. Make them sum to 100.</source>
        <translation>Los pesos de sus %1 destinos suman %2, no 100: Istio los rechaza o los reescala sin avisar. Haga que sumen 100.</translation>
    </message>
    <message>
        <source>It routes to subset %1 of %2, but no DestinationRule defines subsets for that host: requests get 503 (no healthy upstream). Add a DestinationRule with the subset.</source>
        <translation>Enruta al subconjunto %1 de %2, pero ninguna DestinationRule define subconjuntos para ese host: las solicitudes reciben 503 (no healthy upstream). Añada una DestinationRule con el subconjunto.</translation>
    </message>
    <message>
        <source>It routes to subset %1 of %2, which no DestinationRule defines (defined: %3): requests get 503. Add the subset or correct the name.</source>
        <translation>Enruta al subconjunto %1 de %2, que ninguna DestinationRule define (definidos: %3): las solicitudes reciben 503. Añada el subconjunto o corrija el nombre.</translation>
    </message>
    <message>
        <source>Its fault injection applies to %1 % of requests; a percentage is 0 to 100.</source>
        <translation>Su inyección de fallos se aplica al %1 % de las solicitudes; un porcentaje va de 0 a 100.</translation>
    </message>
    <message>
        <source>The VirtualServices %1 all route %2 in this namespace: only one of them takes effect for the mesh, and which one is not defined. Merge them into one.</source>
        <translation>Los VirtualServices %1 enrutan todos %2 en este espacio de nombres: solo uno de ellos tiene efecto en la malla, y no está definido cuál. Únalos en uno.</translation>
    </message>
    <message>
        <source>Its host %1 matches no Service or ServiceEntry, so its policies apply to nothing. Correct the host or remove the rule.</source>
        <translation>Su host %1 no coincide con ningún Service ni ServiceEntry, así que sus políticas no se aplican a nada. Corrija el host o elimine la regla.</translation>
    </message>
    <message>
        <source>Its subset %1 (%2) selects no running pod of the Service %3/%4: traffic routed to it gets 503. Deploy that version or correct the labels.</source>
        <translation>Su subconjunto %1 (%2) no selecciona ningún pod en ejecución del Service %3/%4: el tráfico enrutado a él recibe 503. Despliegue esa versión o corrija las etiquetas.</translation>
    </message>
    <message>
        <source>It sends plain text (tls.mode DISABLE), but the PeerAuthentication %1 requires mutual TLS (STRICT) from the workloads it reaches: their proxies reset the connections. Use ISTIO_MUTUAL, or relax the PeerAuthentication.</source>
        <translation>Envía texto plano (tls.mode DISABLE), pero la PeerAuthentication %1 exige TLS mutuo (STRICT) a las cargas que alcanza: sus proxies restablecen las conexiones. Use ISTIO_MUTUAL o relaje la PeerAuthentication.</translation>
    </message>
    <message>
        <source>Its selector (%1) matches no running pod, so no gateway proxy serves it. Install the ingress gateway or correct the selector.</source>
        <translation>Su selector (%1) no coincide con ningún pod en ejecución, así que ningún proxy de gateway lo sirve. Instale el ingress gateway o corrija el selector.</translation>
    </message>
    <message>
        <source>Its parent is the Service %1/%2, which does not exist: the mesh applies the route to nothing. Correct the parentRef or create the Service.</source>
        <translation>Su padre es el Service %1/%2, que no existe: la malla no aplica la ruta a nada. Corrija el parentRef o cree el Service.</translation>
    </message>
    <message>
        <source>Its parent is the Gateway %1/%2, which does not exist: no listener serves the route. Correct the parentRef or create the Gateway.</source>
        <translation>Su padre es el Gateway %1/%2, que no existe: ningún listener sirve la ruta. Corrija el parentRef o cree el Gateway.</translation>
    </message>
    <message>
        <source>Its backend is the Service %1/%2, which does not exist: requests routed to it get 500. Correct the backendRef or create the Service.</source>
        <translation>Su backend es el Service %1/%2, que no existe: las solicitudes enrutadas a él reciben 500. Corrija el backendRef o cree el Service.</translation>
    </message>
    <message>
        <source>Its backend %1/%2 names no port; a Service backend needs one. Add the port (the Service has %3).</source>
        <translation>Su backend %1/%2 no indica puerto; un backend Service necesita uno. Añada el puerto (el Service tiene %3).</translation>
    </message>
    <message>
        <source>Its backend %1/%2 has no port %3 (its ports: %4). Correct the port.</source>
        <translation>Su backend %1/%2 no tiene el puerto %3 (sus puertos: %4). Corrija el puerto.</translation>
    </message>
    <message>
        <source>Sidecar injection is on in %1 (%2), but %3 of its %4 pods run without the %5 sidecar: they started before injection was turned on, so their traffic bypasses the mesh. Restart it (meshdeck mesh restart --namespace %1).</source>
        <translation>La inyección de sidecars está activada en %1 (%2), pero %3 de sus %4 pods se ejecutan sin el sidecar %5: arrancaron antes de activarla, así que su tráfico evita la malla. Reinícielo (meshdeck mesh restart --namespace %1).</translation>
    </message>
    <message>
        <source>Its backend %1/%2 is in another namespace, and no ReferenceGrant in %1 lets %4s of %3 refer to it: the reference is refused. Add a ReferenceGrant in %1.</source>
        <translation>Su backend %1/%2 está en otro espacio de nombres y ningún ReferenceGrant en %1 permite que las %4s de %3 lo referencien: la referencia se rechaza. Añada un ReferenceGrant en %1.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Installer</name>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>el servidor respondió HTTP %1</translation>
    </message>
    <message>
        <source>%1 could not be fetched (%2); the copy cached on %3 is used.</source>
        <translation>%1 no se pudo obtener (%2); se usa la copia guardada el %3.</translation>
    </message>
    <message>
        <source>The manifest %1 cannot be fetched: %2. Check the address and your network or proxy, or download the file and give its path.</source>
        <translation>No se puede obtener el manifiesto %1: %2. Compruebe la dirección y su red o proxy, o descargue el archivo e indique su ruta.</translation>
    </message>
    <message>
        <source>the CLI&apos;s version</source>
        <translation>la versión de la CLI</translation>
    </message>
    <message>
        <source>the manifest&apos;s version</source>
        <translation>la versión del manifiesto</translation>
    </message>
    <message>
        <source>Install %1 %2, profile %3, with %4.</source>
        <translation>Instalar %1 %2, perfil %3, con %4.</translation>
    </message>
    <message>
        <source>its CLI</source>
        <translation>su CLI</translation>
    </message>
    <message>
        <source>a manifest</source>
        <translation>un manifiesto</translation>
    </message>
    <message>
        <source>the manifest bundled with Meshdeck</source>
        <translation>el manifiesto incluido en Meshdeck</translation>
    </message>
    <message>
        <source>Source: %1 (%2 bytes, sha256 %3)</source>
        <translation>Origen: %1 (%2 bytes, sha256 %3)</translation>
    </message>
    <message>
        <source>Commands (run with an argument list, output shown live):</source>
        <translation>Órdenes (ejecutadas con lista de argumentos, salida en directo):</translation>
    </message>
    <message>
        <source>   (its output is applied)</source>
        <translation>   (se aplica su salida)</translation>
    </message>
    <message>
        <source>Objects (%1, server-side apply in this order: CRDs first, webhooks last):</source>
        <translation>Objetos (%1, server-side apply en este orden: CRD primero, webhooks al final):</translation>
    </message>
    <message>
        <source>   (exists: changed in place)</source>
        <translation>   (existe: se cambia en su sitio)</translation>
    </message>
    <message>
        <source>Then: sidecar injection on for %1 (%2=%3); restart their workloads to add sidecars.</source>
        <translation>Después: inyección de sidecars para %1 (%2=%3); reinicie sus cargas para añadir sidecars.</translation>
    </message>
    <message>
        <source>Verify: the control plane Ready within %1 s, add-ons Ready, the injection webhook answering.</source>
        <translation>Verificar: plano de control listo en %1 s, complementos listos, webhook de inyección respondiendo.</translation>
    </message>
    <message>
        <source>Unknown mesh &quot;%1&quot;: istio, linkerd, consul, kuma or cilium.</source>
        <translation>Malla desconocida «%1»: istio, linkerd, consul, kuma o cilium.</translation>
    </message>
    <message>
        <source>%1 has no profile &quot;%2&quot;; choose one of %3.</source>
        <translation>%1 no tiene el perfil «%2»; elija uno de %3.</translation>
    </message>
    <message>
        <source>Meshdeck bundles manifests for Istio and Linkerd only; install %1 with its CLI (%2) or a manifest file or URL.</source>
        <translation>Meshdeck incluye manifiestos solo para Istio y Linkerd; instale %1 con su CLI (%2) o con un archivo o URL de manifiesto.</translation>
    </message>
    <message>
        <source>The bundled manifest installs %1 %2; for %3 use the CLI or a manifest of that version.</source>
        <translation>El manifiesto incluido instala %1 %2; para %3 use la CLI o un manifiesto de esa versión.</translation>
    </message>
    <message>
        <source>bundled %1</source>
        <translation>incluido %1</translation>
    </message>
    <message>
        <source>Give the manifest&apos;s file or URL.</source>
        <translation>Indique el archivo o la URL del manifiesto.</translation>
    </message>
    <message>
        <source>Meshdeck does not know how %1&apos;s CLI installs.</source>
        <translation>Meshdeck no sabe cómo instala la CLI de %1.</translation>
    </message>
    <message>
        <source>%1 has no add-on &quot;%2&quot;; its add-ons are %3.</source>
        <translation>%1 no tiene el complemento «%2»; sus complementos son %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 always uses mTLS between meshed pods; it has no mode to choose.</source>
        <translation>%1 siempre usa mTLS entre pods de la malla; no hay modo que elegir.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 no tiene un modo mTLS para toda la malla.</translation>
    </message>
    <message>
        <source>The mTLS mode is one of %1.</source>
        <translation>El modo mTLS es uno de %1.</translation>
    </message>
    <message>
        <source>Kubernetes API reachable</source>
        <translation>API de Kubernetes accesible</translation>
    </message>
    <message>
        <source>Kubernetes %1 answered.</source>
        <translation>Kubernetes %1 respondió.</translation>
    </message>
    <message>
        <source>Kubernetes version supported</source>
        <translation>Versión de Kubernetes admitida</translation>
    </message>
    <message>
        <source>The version comes from the CLI; `%1` checks it itself.</source>
        <translation>La versión la da la CLI; `%1` la comprueba por sí misma.</translation>
    </message>
    <message>
        <source>Meshdeck has no published range for %1 %2; see %3.</source>
        <translation>Meshdeck no conoce un rango publicado para %1 %2; consulte %3.</translation>
    </message>
    <message>
        <source>%1 %2 needs Kubernetes %3; this cluster runs 1.%4. Upgrade the cluster or choose an older %1.</source>
        <translation>%1 %2 necesita Kubernetes %3; este clúster ejecuta 1.%4. Actualice el clúster o elija un %1 más antiguo.</translation>
    </message>
    <message>
        <source>%1 %2 supports Kubernetes %3; this cluster runs 1.%4, which the project has not tested. Prefer a newer %1.</source>
        <translation>%1 %2 admite Kubernetes %3; este clúster ejecuta 1.%4, que el proyecto no ha probado. Mejor un %1 más reciente.</translation>
    </message>
    <message>
        <source>1.%1 is within %2 %3&apos;s range (%4).</source>
        <translation>1.%1 está dentro del rango de %2 %3 (%4).</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>%1 %2 (its CRD is neither in the cluster nor in the plan)</source>
        <translation>%1 %2 (su CRD no está ni en el clúster ni en el plan)</translation>
    </message>
    <message>
        <source> (cluster-wide)</source>
        <translation> (en todo el clúster)</translation>
    </message>
    <message>
        <source> in namespace %1</source>
        <translation> en el namespace %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Every kind is served</source>
        <translation>Se sirven todos los tipos</translation>
    </message>
    <message>
        <source>The cluster does not serve %1. Install the CRDs first, or fix the manifest&apos;s apiVersion.</source>
        <translation>El clúster no sirve %1. Instale antes las CRD o corrija la apiVersion del manifiesto.</translation>
    </message>
    <message>
        <source>This user may not: %1. Ask a cluster administrator for these verbs (a ClusterRole bound to you).</source>
        <translation>Este usuario no puede: %1. Pida esos verbos a un administrador del clúster (un ClusterRole vinculado a usted).</translation>
    </message>
    <message numerus="yes">
        <source>Allowed to create and patch every kind of the plan (%n access review(s)).</source>
        <translation>
            <numerusform>Puede crear y parchear cada tipo del plan (%n revisión de acceso).</numerusform>
            <numerusform>Puede crear y parchear cada tipo del plan (%n revisiones de acceso).</numerusform>
        </translation>
    </message>
    <message>
        <source>The CLI applies its own objects; it checks its permissions.</source>
        <translation>La CLI aplica sus propios objetos; comprueba sus permisos.</translation>
    </message>
    <message>
        <source>%1 not installed yet</source>
        <translation>%1 aún no instalada</translation>
    </message>
    <message>
        <source>%1 %2 runs in %3; applying updates it in place.</source>
        <translation>%1 %2 se ejecuta en %3; aplicar la actualiza en su sitio.</translation>
    </message>
    <message>
        <source>No other mesh</source>
        <translation>Ninguna otra malla</translation>
    </message>
    <message>
        <source>No other service mesh runs in this cluster.</source>
        <translation>En este clúster no se ejecuta ninguna otra malla de servicios.</translation>
    </message>
    <message>
        <source>%1 already runs here. Two meshes must not inject the same namespace.</source>
        <translation>%1 ya se ejecuta aquí. Dos mallas no deben inyectar el mismo namespace.</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 encontrado</translation>
    </message>
    <message>
        <source>%1 is not on PATH. Install it (%2), or choose the bundled or manifest method.</source>
        <translation>%1 no está en el PATH. Instálelo (%2) o elija el método incluido o manifiesto.</translation>
    </message>
    <message>
        <source>%1 is at %2 but `%3` failed: %4</source>
        <translation>%1 está en %2 pero `%3` falló: %4</translation>
    </message>
    <message>
        <source>%1 at %2 reports &quot;%3&quot;, not %4: it installs its own version.</source>
        <translation>%1 en %2 indica «%3», no %4: instala su propia versión.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Manifest fetched</source>
        <translation>Manifiesto obtenido</translation>
    </message>
    <message>
        <source>The output of %1</source>
        <translation>La salida de %1</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>Injection for %1</source>
        <translation>Inyección para %1</translation>
    </message>
    <message>
        <source>Sidecar injection on for namespace %1.</source>
        <translation>Inyección de sidecars activada para el namespace %1.</translation>
    </message>
    <message>
        <source>The pods of %1 cannot be listed: %2</source>
        <translation>No se pueden listar los pods de %1: %2</translation>
    </message>
    <message>
        <source>Pod %1/%2 is %3, not Ready%4</source>
        <translation>El pod %1/%2 está %3, no listo%4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Control plane Ready</source>
        <translation>Plano de control listo</translation>
    </message>
    <message>
        <source>%1 %2 in %3: %4/%5 Ready after %6 s.</source>
        <translation>%1 %2 en %3: %4/%5 listos tras %6 s.</translation>
    </message>
    <message>
        <source>%1 did not become Ready within %2 s.%3</source>
        <translation>%1 no estuvo listo en %2 s.%3</translation>
    </message>
    <message>
        <source>Add-on %1 Ready</source>
        <translation>Complemento %1 listo</translation>
    </message>
    <message>
        <source>Not Ready: %1.%2</source>
        <translation>No listo: %1.%2</translation>
    </message>
    <message>
        <source>Injection webhook answering</source>
        <translation>Webhook de inyección respondiendo</translation>
    </message>
    <message>
        <source>%1 injects no sidecars.</source>
        <translation>%1 no inyecta sidecars.</translation>
    </message>
    <message>
        <source>No MutatingWebhookConfiguration calls %1&apos;s injector in %2: pods will get no sidecars. Reinstall, or check the manifest.</source>
        <translation>Ninguna MutatingWebhookConfiguration llama al inyector de %1 en %2: los pods no tendrán sidecars. Reinstale o revise el manifiesto.</translation>
    </message>
    <message>
        <source>Could not create a namespace to test injection in: %1</source>
        <translation>No se pudo crear un namespace para probar la inyección: %1</translation>
    </message>
    <message>
        <source>A dry-run pod in %1 was refused: %2</source>
        <translation>Un pod de prueba (dry run) en %1 fue rechazado: %2</translation>
    </message>
    <message>
        <source>%1 is registered, but a dry-run pod in %2 came back without %3. Is the injector&apos;s Service reachable from the API server?</source>
        <translation>%1 está registrado, pero un pod de prueba en %2 volvió sin %3. ¿Es accesible el Service del inyector desde el servidor de API?</translation>
    </message>
    <message>
        <source>%1 answered: a dry-run pod in %2 came back with %3.</source>
        <translation>%1 respondió: un pod de prueba en %2 volvió con %3.</translation>
    </message>
    <message>
        <source>`%1` could not start: %2</source>
        <translation>`%1` no pudo arrancar: %2</translation>
    </message>
    <message>
        <source>`%1` was stopped.</source>
        <translation>`%1` se detuvo.</translation>
    </message>
    <message>
        <source>`%1` printed nothing for %2 s and was stopped. It may be waiting for the cluster or for input; run it in a terminal to see.</source>
        <translation>`%1` no escribió nada durante %2 s y se detuvo. Puede que espere al clúster o una entrada; ejecútelo en una terminal para verlo.</translation>
    </message>
    <message>
        <source>`%1` failed with exit code %2%3</source>
        <translation>`%1` falló con el código de salida %2%3</translation>
    </message>
    <message>
        <source> and printed nothing on stderr.</source>
        <translation> y no escribió nada en stderr.</translation>
    </message>
    <message>
        <source>it printed no version.</source>
        <translation>no escribió ninguna versión.</translation>
    </message>
    <message>
        <source>Reading the manifest</source>
        <translation>Leyendo el manifiesto</translation>
    </message>
    <message>
        <source>%1 answered, but not with a Kubernetes manifest (%2). Nothing was cached or applied; check the address.</source>
        <translation>%1 respondió, pero no con un manifiesto de Kubernetes (%2). No se guardó en caché ni se aplicó nada; compruebe la dirección.</translation>
    </message>
    <message>
        <source>%1 answered with no Kubernetes objects. Nothing was cached or applied; check the address.</source>
        <translation>%1 respondió sin objetos de Kubernetes. No se guardó en caché ni se aplicó nada; compruebe la dirección.</translation>
    </message>
    <message>
        <source>Bundled manifest fits this cluster</source>
        <translation>El manifiesto incluido sirve para este clúster</translation>
    </message>
    <message>
        <source>The bundled %1 %2 manifest is made for Meshdeck&apos;s demo cluster: on a real cluster its control plane would not start (it lacks the RBAC, mesh configuration and full CRDs). Install with %3 (see %4), or with a release manifest of %1 (Manifest, a file or an https URL).</source>
        <translation>El manifiesto incluido de %1 %2 está hecho para el clúster de demostración de Meshdeck: en un clúster real su plano de control no arrancaría (le faltan RBAC, configuración de la malla y CRD completos). Instale con %3 (vea %4) o con un manifiesto de versión de %1 (Manifiesto, un archivo o una URL https).</translation>
    </message>
    <message>
        <source>its Helm charts</source>
        <translation>sus charts de Helm</translation>
    </message>
    <message>
        <source>Rendered by helm (nothing applied by helm; the objects below are):</source>
        <translation>Renderizado por helm (helm no aplica nada; se aplican los objetos de abajo):</translation>
    </message>
    <message>
        <source>%1 has no Helm route Meshdeck can render on its own: install it with %2 or a release manifest.</source>
        <translation>%1 no tiene una vía Helm que Meshdeck pueda renderizar por sí solo: instálelo con %2 o con un manifiesto de versión.</translation>
    </message>
    <message>
        <source>helm is not on PATH. Install it (https://helm.sh/docs/intro/install/), or choose another method.</source>
        <translation>helm no está en el PATH. Instálelo (https://helm.sh/docs/intro/install/) o elija otro método.</translation>
    </message>
    <message>
        <source>The charts helm rendered</source>
        <translation>Los charts que renderizó helm</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::ManifestPlan</name>
    <message>
        <source>The bundled manifest %1 is missing.</source>
        <translation>Falta el manifiesto incluido %1.</translation>
    </message>
    <message>
        <source>The cluster does not serve %1 %2 (is its CRD installed?).</source>
        <translation>El clúster no ofrece %1 %2 (¿está instalada su CRD?).</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 objects.</source>
        <translation>Cancelado tras %1 de %2 objetos.</translation>
    </message>
    <message>
        <source>%1 did not become Established within 30 s.</source>
        <translation>%1 no quedó Established en 30 s.</translation>
    </message>
    <message>
        <source>Unknown sample &quot;%1&quot;: bookinfo, httpbin or emojivoto.</source>
        <translation>Ejemplo desconocido «%1»: bookinfo, httpbin o emojivoto.</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Espacio de nombres %1</translation>
    </message>
    <message>
        <source>%1: %2 Another tool manages these fields; take them over with --force-conflicts (or &quot;Take Over&quot; in the wizard), or change the manifest.</source>
        <translation>%1: %2 Otra herramienta gestiona estos campos; tómelos con --force-conflicts (o «Tomar» en el asistente) o cambie el manifiesto.</translation>
    </message>
    <message>
        <source>Document %1 of the manifest is not a Kubernetes object (a mapping with apiVersion, kind and metadata).</source>
        <translation>El documento %1 del manifiesto no es un objeto de Kubernetes (un mapa con apiVersion, kind y metadata).</translation>
    </message>
    <message>
        <source>Document %1 of the manifest has no apiVersion, kind or metadata.name.</source>
        <translation>El documento %1 del manifiesto no tiene apiVersion, kind o metadata.name.</translation>
    </message>
    <message>
        <source>The manifest holds no Kubernetes objects: nothing to apply. Check that it is the file you meant.</source>
        <translation>El manifiesto no contiene objetos de Kubernetes: nada que aplicar. Compruebe que es el archivo que quería.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::MeshDetector</name>
    <message>
        <source>Unknown mesh &quot;%1&quot;.</source>
        <translation>Malla desconocida «%1».</translation>
    </message>
    <message>
        <source>%1 has no sidecars to inject: its mesh runs on every node.</source>
        <translation>%1 no tiene sidecars que inyectar: su malla funciona en cada nodo.</translation>
    </message>
    <message>
        <source>%1 always encrypts meshed traffic with mTLS; it has no mode to switch.</source>
        <translation>%1 siempre cifra el tráfico de la malla con mTLS; no hay modo que cambiar.</translation>
    </message>
    <message>
        <source>%1 has no mesh-wide mTLS mode.</source>
        <translation>%1 no tiene un modo mTLS para toda la malla.</translation>
    </message>
    <message>
        <source>The mTLS mode is one of %1.</source>
        <translation>El modo mTLS es uno de %1.</translation>
    </message>
    <message>
        <source>%1&apos;s PeerAuthentication kind is not served: is %1 installed?</source>
        <translation>El tipo PeerAuthentication de %1 no se sirve: ¿está instalada %1?</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::Operation</name>
    <message>
        <source>Install</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Reversión</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>%1 is installed and verified.</source>
        <translation>%1 está instalado y verificado.</translation>
    </message>
    <message>
        <source>Stopped while verifying.</source>
        <translation>Detenido durante la verificación.</translation>
    </message>
    <message>
        <source>Applied, but verification failed: %1</source>
        <translation>Aplicado, pero la verificación falló: %1</translation>
    </message>
    <message>
        <source>Kept as applied: uninstalling the mesh removes it.</source>
        <translation>Se conserva tal como se aplicó: desinstalar la malla lo elimina.</translation>
    </message>
    <message>
        <source>Rolling back what this install created…</source>
        <translation>Revirtiendo lo que creó esta instalación…</translation>
    </message>
    <message>
        <source>Waiting up to %1 s for the control plane to go…</source>
        <translation>Esperando hasta %1 s a que desaparezca el plano de control…</translation>
    </message>
    <message>
        <source>Stopped while waiting for the control plane to go.</source>
        <translation>Detenido mientras se esperaba a que desapareciera el plano de control.</translation>
    </message>
    <message>
        <source>The objects were deleted, but %1&apos;s control plane was still there after %2 s; see &apos;kubectl get pods -n %3&apos;.</source>
        <translation>Los objetos se eliminaron, pero el plano de control de %1 seguía ahí tras %2 s; véase &apos;kubectl get pods -n %3&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>Injection off and %n workload(s) restarted in %1.</source>
        <translation>
            <numerusform>Inyección desactivada y %n carga reiniciada en %1.</numerusform>
            <numerusform>Inyección desactivada y %n cargas reiniciadas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Injection off in %1; restarting its workloads failed: %2</source>
        <translation>Inyección desactivada en %1; el reinicio de sus cargas falló: %2</translation>
    </message>
    <message>
        <source>%1&apos;s control plane is gone; its namespaces were deleted.</source>
        <translation>El plano de control de %1 ya no está; sus espacios de nombres se eliminaron.</translation>
    </message>
    <message>
        <source>%1&apos;s control plane is gone; namespaces were kept.</source>
        <translation>El plano de control de %1 ya no está; los espacios de nombres se conservan.</translation>
    </message>
    <message>
        <source>Pods in %1 keep their sidecars until their workloads are restarted (Restart Workloads, or &apos;meshdeck mesh restart -n NS&apos;).</source>
        <translation>Los pods de %1 conservan sus sidecars hasta que se reinicien sus cargas (Reiniciar cargas, o &apos;meshdeck mesh restart -n NS&apos;).</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 runs in %2.</source>
        <translation>%1 se ejecuta en %2.</translation>
    </message>
    <message>
        <source>%1 is removed from %2.</source>
        <translation>%1 se eliminó de %2.</translation>
    </message>
    <message>
        <source>Skipped %1: this cluster does not serve those kinds (they are Istio&apos;s routing; install Istio to use them).</source>
        <translation>Omitidos %1: este clúster no sirve esos tipos (son el enrutamiento de Istio; instale Istio para usarlos).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Mesh::TrafficPolicy</name>
    <message>
        <source>The weight of %1 is %2; give each version 0 to 100 %.</source>
        <translation>El peso de %1 es %2; dé a cada versión de 0 a 100 %.</translation>
    </message>
    <message>
        <source>Each version needs a name of its own.</source>
        <translation>Cada versión necesita un nombre propio.</translation>
    </message>
    <message>
        <source>The weights add up to %1 %; they must add up to 100 %.</source>
        <translation>Los pesos suman %1 %; deben sumar 100 %.</translation>
    </message>
    <message>
        <source>The %1 percentage is %2; give 0 to 100.</source>
        <translation>El porcentaje de %1 es %2; indique de 0 a 100.</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>retraso</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>aborto</translation>
    </message>
    <message>
        <source>Durations cannot be negative.</source>
        <translation>Las duraciones no pueden ser negativas.</translation>
    </message>
    <message>
        <source>The abort status %1 is not an HTTP status (200 to 599).</source>
        <translation>El estado de aborto %1 no es un estado HTTP (200 a 599).</translation>
    </message>
    <message>
        <source>Give 0 to 10 retry attempts.</source>
        <translation>Indique de 0 a 10 reintentos.</translation>
    </message>
    <message>
        <source>The time per try (%1 ms) is longer than the whole request&apos;s timeout (%2 ms).</source>
        <translation>El tiempo por intento (%1 ms) es mayor que el plazo de toda la solicitud (%2 ms).</translation>
    </message>
    <message>
        <source>Circuit breaker limits cannot be negative, and ejection lasts at least 1 s.</source>
        <translation>Los límites del circuit breaker no pueden ser negativos y la expulsión dura al menos 1 s.</translation>
    </message>
    <message>
        <source>A path to match starts with / (got &quot;%1&quot;).</source>
        <translation>Una ruta que comparar empieza por / (se recibió «%1»).</translation>
    </message>
    <message>
        <source>Name the header or query parameter to match (letters, digits and - only; got &quot;%1&quot;).</source>
        <translation>Indique la cabecera o el parámetro de consulta que comparar (solo letras, cifras y -; se recibió «%1»).</translation>
    </message>
    <message>
        <source>Give the value of %1 to match.</source>
        <translation>Indique el valor de %1 que comparar.</translation>
    </message>
    <message>
        <source>Routing requests by match needs the Service&apos;s versions (pods labelled version=...).</source>
        <translation>Enrutar solicitudes por coincidencia requiere las versiones del Service (pods con la etiqueta version=...).</translation>
    </message>
    <message>
        <source>Choose which version matching requests go to.</source>
        <translation>Elija a qué versión van las solicitudes que coinciden.</translation>
    </message>
    <message>
        <source>fault injection</source>
        <translation>inyección de fallos</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>reintentos</translation>
    </message>
    <message>
        <source>circuit breaking</source>
        <translation>interrupción de circuito</translation>
    </message>
    <message>
        <source>a client TLS mode</source>
        <translation>modo TLS de cliente</translation>
    </message>
    <message>
        <source>The Gateway API&apos;s HTTPRoute has no %1; write Istio&apos;s objects for it, or leave it out.</source>
        <translation>La HTTPRoute de la Gateway API no tiene %1; escriba los objetos de Istio para ello, o déjelo fuera.</translation>
    </message>
    <message>
        <source>The Service has no ports for the versions&apos; Services to copy.</source>
        <translation>El Service no tiene puertos que puedan copiar los Services de las versiones.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::NavigationModel</name>
    <message>
        <source>Clusters</source>
        <translation>Clústeres</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topología</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Ciclo de vida</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Kubernetes contexts and a live view of their resources</source>
        <translation>Contextos de Kubernetes y una vista en vivo de sus recursos</translation>
    </message>
    <message>
        <source>How traffic flows between services, live</source>
        <translation>Cómo fluye el tráfico entre servicios, en vivo</translation>
    </message>
    <message>
        <source>Install, verify and remove service meshes and sample apps</source>
        <translation>Instalar, verificar y eliminar service meshes y aplicaciones de ejemplo</translation>
    </message>
    <message>
        <source>Run load tests against your services</source>
        <translation>Ejecutar pruebas de carga contra sus servicios</translation>
    </message>
    <message>
        <source>Stored benchmark runs, compared side by side</source>
        <translation>Ejecuciones de pruebas guardadas, comparadas lado a lado</translation>
    </message>
    <message>
        <source>Language, appearance and where Meshdeck keeps its data</source>
        <translation>Idioma, apariencia y dónde guarda Meshdeck sus datos</translation>
    </message>
</context>
<context>
    <name>Meshdeck::NavigationRail</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::InjectionSwitch</name>
    <message>
        <source>Measuring before and after injection needs the namespace whose injection is switched.</source>
        <translation>Medir antes y después de la inyección necesita el espacio de nombres cuya inyección se cambia.</translation>
    </message>
    <message>
        <source>No mesh with sidecar injection runs in this cluster: there is nothing to switch on in %1. Install one first.</source>
        <translation>En este clúster no se ejecuta ninguna malla con inyección de sidecars: no hay nada que activar en %1. Instale una primero.</translation>
    </message>
    <message>
        <source>Namespace %1 has no Deployment, StatefulSet or DaemonSet to restart with and without sidecars.</source>
        <translation>El espacio de nombres %1 no tiene ningún Deployment, StatefulSet o DaemonSet que reiniciar con y sin sidecars.</translation>
    </message>
    <message>
        <source>Switching %1 injection on in %2 and restarting its workloads…</source>
        <translation>Activando la inyección de %1 en %2 y reiniciando sus cargas de trabajo…</translation>
    </message>
    <message>
        <source>Switching %1 injection off in %2 and restarting its workloads…</source>
        <translation>Desactivando la inyección de %1 en %2 y reiniciando sus cargas de trabajo…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The pods of %1 were not all Ready with sidecars after %2 s: %3.</source>
        <translation>Los pods de %1 no estaban todos listos con sidecars tras %2 s: %3.</translation>
    </message>
    <message>
        <source>The pods of %1 were not all Ready without sidecars after %2 s: %3.</source>
        <translation>Los pods de %1 no estaban todos listos sin sidecars tras %2 s: %3.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::MeasuredRun</name>
    <message>
        <source>No cluster is connected: connect one, or run the load from this computer.</source>
        <translation>No hay ningún clúster conectado: conecte uno o genere la carga desde este equipo.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadExperiment</name>
    <message>
        <source>No rates to measure at.</source>
        <translation>No hay tasas que medir.</translation>
    </message>
    <message>
        <source>The baseline and the mesh arm are the same URL (%1): the experiment would compare nothing.</source>
        <translation>La línea base y la rama con malla son la misma URL (%1): el experimento no compararía nada.</translation>
    </message>
    <message>
        <source>The mesh arm&apos;s pods in namespace %1 carry no sidecar (%2 pods, none with istio-proxy or linkerd-proxy): the experiment would compare nothing. Label the namespace for injection and restart its workloads, or choose the namespace that has the mesh.</source>
        <translation>Los pods de la rama con malla en el espacio de nombres %1 no llevan sidecar (%2 pods, ninguno con istio-proxy ni linkerd-proxy): el experimento no compararía nada. Etiquete el espacio de nombres para la inyección y reinicie sus cargas de trabajo, o elija el espacio de nombres que tiene la malla.</translation>
    </message>
    <message>
        <source>The baseline arm&apos;s pod %1/%2 carries a sidecar: the baseline must run without the mesh. Choose a namespace without injection.</source>
        <translation>El pod %1/%2 de la línea base lleva un sidecar: la línea base debe ejecutarse sin la malla. Elija un espacio de nombres sin inyección.</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a cluster (the namespace&apos;s injection is switched and its workloads restarted).</source>
        <translation>Medir antes y después de la inyección necesita un clúster (se cambia la inyección del espacio de nombres y se reinician sus cargas de trabajo).</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a cluster.</source>
        <translation>Medir antes y después de la inyección necesita un clúster.</translation>
    </message>
    <message>
        <source>Namespace %1 was not put back as it was: %2</source>
        <translation>El espacio de nombres %1 no se devolvió a su estado anterior: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadHtml</name>
    <message>
        <source>requests per second</source>
        <translation>solicitudes por segundo</translation>
    </message>
    <message>
        <source>added p50</source>
        <translation>p50 añadido</translation>
    </message>
    <message>
        <source>added p90</source>
        <translation>p90 añadido</translation>
    </message>
    <message>
        <source>added p99</source>
        <translation>p99 añadido</translation>
    </message>
    <message>
        <source>proxy vCPU per 1,000 requests/s</source>
        <translation>vCPU del proxy por 1.000 solicitudes/s</translation>
    </message>
    <message>
        <source>proxies</source>
        <translation>proxies</translation>
    </message>
    <message>
        <source>control plane</source>
        <translation>plano de control</translation>
    </message>
    <message>
        <source>Mesh overhead report</source>
        <translation>Informe de sobrecarga de la malla</translation>
    </message>
    <message>
        <source>Mesh arm %1 against baseline %2%3 · %4 s per run after warm-up · %5 repetition(s) per rate, arms interleaved · constant rate, latency from each request&apos;s intended send time · started %6</source>
        <translation>Rama con malla %1 frente a la línea base %2%3 · %4 s por ejecución tras el calentamiento · %5 repetición(es) por tasa, ramas intercaladas · tasa constante, latencia desde el envío previsto de cada solicitud · iniciado %6</translation>
    </message>
    <message>
        <source>Overhead per rate</source>
        <translation>Sobrecarga por tasa</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Solicitudes/s</translation>
    </message>
    <message>
        <source>Achieved (baseline / mesh)</source>
        <translation>Alcanzado (base / malla)</translation>
    </message>
    <message>
        <source>Added p50</source>
        <translation>p50 añadido</translation>
    </message>
    <message>
        <source>Added p90</source>
        <translation>p90 añadido</translation>
    </message>
    <message>
        <source>Added p99</source>
        <translation>p99 añadido</translation>
    </message>
    <message>
        <source>Added max</source>
        <translation>máx. añadido</translation>
    </message>
    <message>
        <source>Proxy vCPU per 1,000 req/s</source>
        <translation>vCPU del proxy por 1.000 sol./s</translation>
    </message>
    <message>
        <source>Proxy memory</source>
        <translation>Memoria del proxy</translation>
    </message>
    <message>
        <source>Control plane CPU</source>
        <translation>CPU del plano de control</translation>
    </message>
    <message>
        <source>Control plane memory</source>
        <translation>Memoria del plano de control</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>* An arm did not keep up with this rate (below 95 % of it, or 1 % errors): its figures are not comparable.</source>
        <translation>* Una rama no sostuvo esta tasa (por debajo del 95 % o con 1 % de errores): sus cifras no son comparables.</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU y memoria: %1</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Latency added by the mesh (median, min … max)</source>
        <translation>Latencia añadida por la malla (mediana, mín. … máx.)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Proxy CPU per 1,000 requests/s</source>
        <translation>CPU del proxy por 1.000 solicitudes/s</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Made by Meshdeck&apos;s perf overhead.</source>
        <translation>Hecho con «perf overhead» de Meshdeck.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>No se puede escribir el informe en %1: %2</translation>
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
        <translation>Solicitudes/s</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Alcanzado</translation>
    </message>
    <message>
        <source>Added p50</source>
        <translation>p50 añadido</translation>
    </message>
    <message>
        <source>Added p90</source>
        <translation>p90 añadido</translation>
    </message>
    <message>
        <source>Added p99</source>
        <translation>p99 añadido</translation>
    </message>
    <message>
        <source>Added max</source>
        <translation>máx. añadido</translation>
    </message>
    <message>
        <source>Proxy vCPU/1k</source>
        <translation>vCPU proxy/1k</translation>
    </message>
    <message>
        <source>Proxy mem</source>
        <translation>Memoria proxy</translation>
    </message>
    <message>
        <source>Control plane</source>
        <translation>Plano de control</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Mesh arm %1 against baseline %2%3 · %4 s per run · %5 repetition(s) per rate</source>
        <translation>Rama con malla %1 frente a línea base %2%3 · %4 s por ejecución · %5 repetición(es) por tasa</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU y memoria: %1</translation>
    </message>
    <message>
        <source>* An arm did not keep up with this rate: its figures are not comparable.</source>
        <translation>* Una rama no mantuvo esta tasa: sus cifras no son comparables.</translation>
    </message>
    <message>
        <source>Mesh overhead report</source>
        <translation>Informe de sobrecarga de la malla</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>No se puede escribir el informe en %1: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Overhead::OverheadReport</name>
    <message>
        <source>cAdvisor series in Prometheus</source>
        <translation>series de cAdvisor en Prometheus</translation>
    </message>
    <message>
        <source>the metrics API</source>
        <translation>la API de métricas</translation>
    </message>
    <message>
        <source>The mesh&apos;s control plane has no CPU or memory series (no samples for its pods in the control-plane namespaces): its cost is left out.</source>
        <translation>El plano de control de la malla no tiene series de CPU ni de memoria (sin muestras de sus pods en los espacios de nombres del plano de control): su coste queda fuera.</translation>
    </message>
    <message>
        <source>At %1 requests/s the %2 arm did not keep up (below 95 % of the rate, or 1 % errors): its figures are marked and left out of the summary.</source>
        <translation>A %1 solicitudes/s la rama %2 no sostuvo la tasa (por debajo del 95 % o con 1 % de errores): sus cifras se marcan y quedan fuera del resumen.</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>base</translation>
    </message>
    <message>
        <source>mesh</source>
        <translation>malla</translation>
    </message>
    <message>
        <source>Mesh overhead: %1 (mesh) against %2 (baseline), %3 s per run, %4 repetition(s)

</source>
        <translation>Sobrecarga de la malla: %1 (malla) frente a %2 (base), %3 s por ejecución, %4 repetición(es)

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
        <translation>tasa/s</translation>
    </message>
    <message>
        <source>added p50</source>
        <translation>p50 añadido</translation>
    </message>
    <message>
        <source>added p90</source>
        <translation>p90 añadido</translation>
    </message>
    <message>
        <source>added p99</source>
        <translation>p99 añadido</translation>
    </message>
    <message>
        <source>proxy vCPU/1k rps</source>
        <translation>vCPU proxy/1k</translation>
    </message>
    <message>
        <source>proxy memory</source>
        <translation>memoria proxy</translation>
    </message>
    <message>
        <source>control plane</source>
        <translation>plano de control</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>* an arm did not keep up with this rate: its figures are not comparable
</source>
        <translation>* una rama no sostuvo esta tasa: sus cifras no son comparables
</translation>
    </message>
    <message>
        <source>Resources: %1
</source>
        <translation>Recursos: %1
</translation>
    </message>
    <message>
        <source>Warning: %1
</source>
        <translation>Aviso: %1
</translation>
    </message>
    <message>
        <source> (from workers inside the mesh)</source>
        <translation> (desde workers dentro de la malla)</translation>
    </message>
    <message>
        <source> (from workers outside the mesh)</source>
        <translation> (desde workers fuera de la malla)</translation>
    </message>
    <message>
        <source>The arms ran one after the other, before and after injection with a restart between: drift on the machine or in the cluster over that time is not cancelled out as interleaved arms would.</source>
        <translation>Las ramas se ejecutaron una tras otra, antes y después de la inyección con un reinicio entre ellas: la deriva del equipo o del clúster en ese tiempo no se compensa como con ramas intercaladas.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadDialog</name>
    <message>
        <source>Run %1 of %2: %3…</source>
        <translation>Ejecución %1 de %2: %3…</translation>
    </message>
    <message>
        <source>Cancelled: the report holds the rates measured with both arms. The runs are in Results.</source>
        <translation>Cancelado: el informe contiene las tasas medidas con ambas ramas. Las ejecuciones están en Resultados.</translation>
    </message>
    <message>
        <source>Done. The runs are in Results, labelled with the experiment.</source>
        <translation>Hecho. Las ejecuciones están en Resultados, etiquetadas con el experimento.</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL.</source>
        <translation>%1 no es una URL http ni https.</translation>
    </message>
    <message>
        <source>An empty address</source>
        <translation>Una dirección vacía</translation>
    </message>
    <message>
        <source>The baseline and the mesh arm are the same URL: the experiment would compare nothing.</source>
        <translation>La línea base y la rama con malla son la misma URL: el experimento no compararía nada.</translation>
    </message>
    <message>
        <source>Rates are requests per second above 0, separated by commas (not &quot;%1&quot;).</source>
        <translation>Las tasas son solicitudes por segundo mayores que 0, separadas por comas (no «%1»).</translation>
    </message>
    <message>
        <source>Give at least one rate, e.g. 100, 500, 1000.</source>
        <translation>Indique al menos una tasa, p. ej. 100, 500, 1000.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>No cluster is connected: latency only, no CPU or memory.</source>
        <translation>No hay ningún clúster conectado: solo latencia, sin CPU ni memoria.</translation>
    </message>
    <message>
        <source>Measure Mesh Overhead</source>
        <translation>Medir la sobrecarga de la malla</translation>
    </message>
    <message>
        <source>Sends the same constant-rate load to the target without the mesh and through it, at each rate, the two interleaved and repeated, and reports the latency the mesh adds and the CPU and memory its proxies and control plane use (from the cluster&apos;s Prometheus or metrics API).</source>
        <translation>Envía la misma carga a tasa constante al destino sin la malla y a través de ella, a cada tasa, ambas intercaladas y repetidas, e informa de la latencia que añade la malla y de la CPU y memoria que usan sus proxies y su plano de control (del Prometheus o la API de métricas del clúster).</translation>
    </message>
    <message>
        <source>&amp;Baseline (no mesh):</source>
        <translation>&amp;Línea base (sin malla):</translation>
    </message>
    <message>
        <source>&amp;Mesh:</source>
        <translation>&amp;Malla:</translation>
    </message>
    <message>
        <source>Mesh &amp;namespace:</source>
        <translation>&amp;Espacio de nombres de la malla:</translation>
    </message>
    <message>
        <source>where the mesh arm&apos;s pods run, for CPU and memory</source>
        <translation>dónde se ejecutan los pods de la rama con malla, para CPU y memoria</translation>
    </message>
    <message>
        <source>&amp;Rates (requests/s):</source>
        <translation>&amp;Tasas (solicitudes/s):</translation>
    </message>
    <message>
        <source>Re&amp;petitions:</source>
        <translation>Re&amp;peticiones:</translation>
    </message>
    <message>
        <source>&amp;Duration per run:</source>
        <translation>&amp;Duración por ejecución:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Calentamiento:</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>C&amp;onexiones:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Load from inside the cluster needs a connected cluster: connect one on the Clusters page.</source>
        <translation>La carga desde el clúster necesita un clúster conectado: conecte uno en la página Clústeres.</translation>
    </message>
    <message>
        <source>Generate the load &amp;inside the cluster (worker pods of a Job)</source>
        <translation>Generar la carga &amp;dentro del clúster (pods worker de un Job)</translation>
    </message>
    <message>
        <source>The baseline&apos;s workers run outside the mesh, the mesh arm&apos;s inside it with their own sidecar, as Istio and Linkerd measure. The URLs are what the pods reach, such as a Service name.</source>
        <translation>Los workers de la línea base se ejecutan fuera de la malla y los de la rama con malla dentro, con su propio sidecar, como miden Istio y Linkerd. Las URL son lo que alcanzan los pods, como el nombre de un Service.</translation>
    </message>
    <message>
        <source>W&amp;orkers:</source>
        <translation>W&amp;orkers:</translation>
    </message>
    <message>
        <source>Name the namespace whose injection is switched.</source>
        <translation>Indique el espacio de nombres cuya inyección se cambia.</translation>
    </message>
    <message>
        <source>Measuring before and after injection needs a connected cluster: connect one on the Clusters page.</source>
        <translation>Medir antes y después de la inyección necesita un clúster conectado: conecte uno en la página Clústeres.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <source>One namespace &amp;before and after injection (restarts its workloads twice)</source>
        <translation>Un espacio de nombres &amp;antes y después de la inyección (reinicia sus cargas dos veces)</translation>
    </message>
    <message>
        <source>The baseline runs with the mesh namespace&apos;s injection switched off and its pods restarted without sidecars, the mesh runs with it on; the namespace is put back as it was. The arms follow each other instead of interleaving. On the demo, generate the load inside the cluster: its local URLs do not follow the pods.</source>
        <translation>La línea base se ejecuta con la inyección del espacio de nombres desactivada y sus pods reiniciados sin sidecars, la rama con malla con ella activada; después el espacio de nombres vuelve a su estado. Las ramas se suceden en lugar de intercalarse. En la demo, genere la carga dentro del clúster: sus URL locales no siguen a los pods.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadReportView</name>
    <message>
        <source>Export Overhead Report</source>
        <translation>Exportar el informe de sobrecarga</translation>
    </message>
    <message>
        <source>Report as HTML (*.html);;Table and chart as PNG (*.png)</source>
        <translation>Informe como HTML (*.html);;Tabla y gráfico como PNG (*.png)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the report as one HTML file with its charts, or as a PNG</source>
        <translation>Guardar el informe como un único archivo HTML con sus gráficos, o como PNG</translation>
    </message>
    <message>
        <source>No overhead measured yet</source>
        <translation>Aún no se ha medido ninguna sobrecarga</translation>
    </message>
    <message>
        <source>Mesh overhead: %1 against %2</source>
        <translation>Sobrecarga de la malla: %1 frente a %2</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Solicitudes/s</translation>
    </message>
    <message>
        <source>Achieved/s
baseline / mesh</source>
        <translation>Alcanzado/s
base / malla</translation>
    </message>
    <message>
        <source>Added p90 (ms)</source>
        <translation>p90 añadido (ms)</translation>
    </message>
    <message>
        <source>Added p99 (ms)</source>
        <translation>p99 añadido (ms)</translation>
    </message>
    <message>
        <source>Added max (ms)</source>
        <translation>máx. añadido (ms)</translation>
    </message>
    <message>
        <source>Proxy vCPU
per 1,000 req/s</source>
        <translation>vCPU del proxy
por 1.000 sol./s</translation>
    </message>
    <message>
        <source>Proxy
memory</source>
        <translation>Memoria
del proxy</translation>
    </message>
    <message>
        <source>Control
plane</source>
        <translation>Plano de
control</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>An arm did not keep up with this rate (below 95 % of it, or 1 % errors): its figures are not comparable.</source>
        <translation>Una rama no sostuvo esta tasa (por debajo del 95 % o con 1 % de errores): sus cifras no son comparables.</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU y memoria: %1</translation>
    </message>
    <message>
        <source>Latency added by the mesh</source>
        <translation>Latencia añadida por la malla</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Solicitudes por segundo</translation>
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
        <translation>p50 añadido (ms)
mediana (mín. … máx.)</translation>
    </message>
    <message>
        <source>%1 m, %2</source>
        <translation>%1 m, %2</translation>
    </message>
    <message>
        <source>Cannot write %1: no results controller to write it with.</source>
        <translation>No se puede escribir %1: no hay controlador de resultados que lo escriba.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::OverheadWorker</name>
    <message>
        <source>%1 at %2 requests/s, repetition %3 of %4</source>
        <translation>%1 a %2 solicitudes/s, repetición %3 de %4</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Línea base</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Malla</translation>
    </message>
    <message>
        <source>%1 at %2/s: %3 requests/s achieved, p50 %4 ms, p99 %5 ms</source>
        <translation>%1 a %2/s: %3 solicitudes/s alcanzadas, p50 %4 ms, p99 %5 ms</translation>
    </message>
    <message>
        <source>The runs were not saved to the results database: %1</source>
        <translation>Las ejecuciones no se guardaron en la base de datos de resultados: %1</translation>
    </message>
    <message>
        <source>Cancelled before a rate was measured with both arms.</source>
        <translation>Cancelado antes de medir una tasa con ambas ramas.</translation>
    </message>
    <message>
        <source>No rate was measured with both arms.</source>
        <translation>No se midió ninguna tasa con ambas ramas.</translation>
    </message>
    <message>
        <source>Stopped after run %1, which could send nothing: %2</source>
        <translation>Detenido tras la ejecución %1, que no pudo enviar nada: %2</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PageEmptyStates</name>
    <message>
        <source>No cluster connected</source>
        <translation>No hay ningún clúster conectado</translation>
    </message>
    <message>
        <source>This page lists every context in your kubeconfig with its connection state, and a live tree of namespaces, workloads and pods with their YAML, events and logs.</source>
        <translation>Esta página muestra cada contexto de su kubeconfig con su estado de conexión y un árbol en vivo de namespaces, cargas de trabajo y pods con su YAML, eventos y registros.</translation>
    </message>
    <message>
        <source>Meshdeck reads the same kubeconfig as kubectl: the files in $KUBECONFIG, or ~/.kube/config.</source>
        <translation>Meshdeck lee el mismo kubeconfig que kubectl: los archivos de $KUBECONFIG o ~/.kube/config.</translation>
    </message>
    <message>
        <source>Check that kubectl reaches your cluster with the command below.</source>
        <translation>Compruebe con la orden siguiente que kubectl llega a su clúster.</translation>
    </message>
    <message>
        <source>No service graph yet</source>
        <translation>Aún no hay grafo de servicios</translation>
    </message>
    <message>
        <source>The topology shows the services and workloads of the connected cluster and the traffic between them: request rate, error rate and latency on every edge, taken from the mesh&apos;s Prometheus.</source>
        <translation>La topología muestra los servicios y cargas de trabajo del clúster conectado y el tráfico entre ellos: tasa de solicitudes, tasa de errores y latencia en cada arista, obtenidas del Prometheus del mesh.</translation>
    </message>
    <message>
        <source>Connect a cluster on the Clusters page.</source>
        <translation>Conecte un clúster en la página Clústeres.</translation>
    </message>
    <message>
        <source>Install a mesh with its telemetry add-ons on the Lifecycle page, so that edges carry live traffic.</source>
        <translation>Instale un mesh con sus complementos de telemetría en la página Ciclo de vida para que las aristas muestren tráfico en vivo.</translation>
    </message>
    <message>
        <source>Go to Clusters</source>
        <translation>Ir a Clústeres</translation>
    </message>
    <message>
        <source>No mesh managed yet</source>
        <translation>Aún no se gestiona ningún mesh</translation>
    </message>
    <message>
        <source>Install Istio, Linkerd, Consul, Kuma or Cilium with a wizard that shows every step before it runs, deploy sample applications such as Bookinfo, and remove them cleanly.</source>
        <translation>Instale Istio, Linkerd, Consul, Kuma o Cilium con un asistente que muestra cada paso antes de ejecutarlo, despliegue aplicaciones de ejemplo como Bookinfo y elimínelas limpiamente.</translation>
    </message>
    <message>
        <source>This page then shows which meshes the cluster already runs and offers to install one.</source>
        <translation>Entonces esta página muestra qué meshes ejecuta ya el clúster y ofrece instalar uno.</translation>
    </message>
    <message>
        <source>No load test profile yet</source>
        <translation>Aún no hay perfiles de prueba de carga</translation>
    </message>
    <message>
        <source>Measure what a mesh costs: load an HTTP endpoint as fast as possible or at a constant rate with coordinated-omission correction, and watch throughput and latency while the test runs.</source>
        <translation>Mida lo que cuesta un mesh: cargue un endpoint HTTP lo más rápido posible o a tasa constante con corrección de omisión coordinada, y observe el rendimiento y la latencia mientras se ejecuta la prueba.</translation>
    </message>
    <message>
        <source>Create a profile: target URL, rate, connections and duration.</source>
        <translation>Cree un perfil: URL de destino, tasa, conexiones y duración.</translation>
    </message>
    <message>
        <source>Label each run with the mesh under test, so that Results can compare runs with and without it.</source>
        <translation>Etiquete cada ejecución con el mesh bajo prueba para que Resultados pueda comparar ejecuciones con y sin él.</translation>
    </message>
    <message>
        <source>No results stored yet</source>
        <translation>Aún no hay resultados guardados</translation>
    </message>
    <message>
        <source>Every load test run is kept here. Select two to six runs to compare their latency distributions side by side and read the mesh&apos;s overhead against a baseline.</source>
        <translation>Aquí se guarda cada ejecución de prueba de carga. Seleccione de dos a seis ejecuciones para comparar sus distribuciones de latencia lado a lado y leer la sobrecarga del mesh frente a una referencia.</translation>
    </message>
    <message>
        <source>Run a load test on the Performance page; its result appears here.</source>
        <translation>Ejecute una prueba de carga en la página Rendimiento; su resultado aparecerá aquí.</translation>
    </message>
    <message>
        <source>Go to Performance</source>
        <translation>Ir a Rendimiento</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::ExternalGenerator</name>
    <message>
        <source>wrk is not installed. Install it with &quot;sudo apt-get install wrk&quot;, or use the native generator.</source>
        <translation>wrk no está instalado. Instálelo con «sudo apt-get install wrk» o use el generador integrado.</translation>
    </message>
    <message>
        <source>fortio is not on PATH. Debian 12 does not package it: install a release from fortio.org (or &quot;go install fortio.org/fortio@latest&quot;), or use the native generator.</source>
        <translation>fortio no está en el PATH. Debian 12 no lo empaqueta: instale una versión de fortio.org (o «go install fortio.org/fortio@latest») o use el generador integrado.</translation>
    </message>
    <message>
        <source>The native generator is built in.</source>
        <translation>El generador integrado forma parte de Meshdeck.</translation>
    </message>
    <message>
        <source>wrk ended without printing its results.</source>
        <translation>wrk terminó sin imprimir sus resultados.</translation>
    </message>
    <message>
        <source>wrk&apos;s results could not be read.</source>
        <translation>No se pudieron leer los resultados de wrk.</translation>
    </message>
    <message>
        <source>This is not a fortio JSON result.</source>
        <translation>Esto no es un resultado JSON de fortio.</translation>
    </message>
    <message>
        <source>This JSON has no fortio DurationHistogram or ActualQPS.</source>
        <translation>Este JSON no tiene DurationHistogram ni ActualQPS de fortio.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder.</source>
        <translation>No se puede crear una carpeta temporal.</translation>
    </message>
    <message>
        <source>wrk cannot hold a constant rate (that is wrk2, which Debian does not package). Use --max with wrk, or the native generator for a constant rate.</source>
        <translation>wrk no puede mantener una tasa constante (eso es wrk2, que Debian no empaqueta). Use --max con wrk, o el generador integrado para una tasa constante.</translation>
    </message>
    <message>
        <source>Cannot write wrk&apos;s script.</source>
        <translation>No se puede escribir el script de wrk.</translation>
    </message>
    <message>
        <source>Cannot write the request body.</source>
        <translation>No se puede escribir el cuerpo de la petición.</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>No se pudo iniciar %1.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 falló (código de salida %2).</translation>
    </message>
    <message>
        <source>Cancelled during the warm-up.</source>
        <translation>Cancelado durante el calentamiento.</translation>
    </message>
    <message>
        <source>fortio ended without writing its result.</source>
        <translation>fortio terminó sin escribir su resultado.</translation>
    </message>
    <message>
        <source>The fortio histogram has %1 buckets; fortio writes a few hundred at most, so this file is refused.</source>
        <translation>El histograma de fortio tiene %1 intervalos; fortio escribe unos cientos como mucho, así que se rechaza este archivo.</translation>
    </message>
    <message>
        <source>Bucket %1 of the fortio histogram is damaged: %2. Nothing was imported.</source>
        <translation>El intervalo %1 del histograma de fortio está dañado: %2. No se importó nada.</translation>
    </message>
    <message>
        <source>its Count %1 is not a whole number of requests</source>
        <translation>su Count %1 no es un número entero de peticiones</translation>
    </message>
    <message>
        <source>its Start %1 s and End %2 s are not a latency range</source>
        <translation>su Start %1 s y End %2 s no son un rango de latencia</translation>
    </message>
    <message>
        <source>The fortio result counts %1 responses with code %2, which is not a whole number of requests. Nothing was imported.</source>
        <translation>El resultado de fortio cuenta %1 respuestas con código %2, que no es un número entero de peticiones. No se importó nada.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::LoadProfile</name>
    <message>
        <source>The profile has no name.</source>
        <translation>El perfil no tiene nombre.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; names an unknown generator &quot;%2&quot;.</source>
        <translation>El perfil «%1» indica un generador desconocido «%2».</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; names an unknown protocol &quot;%2&quot;.</source>
        <translation>El perfil «%1» indica un protocolo desconocido «%2».</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Perf::LoadRunner</name>
    <message>
        <source>Nothing answered at %1: connection refused (%2). Is the server running, and is the port right?</source>
        <translation>Nada respondió en %1: conexión rechazada (%2). ¿Está el servidor en marcha y es correcto el puerto?</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check the address and the network.</source>
        <translation>No se pudo conectar con %1 (%2). Compruebe la dirección y la red.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed (%2). Pass a CA file, or --insecure for a test server.</source>
        <translation>Falló la negociación TLS con %1 (%2). Indique un archivo de CA, o --insecure para un servidor de pruebas.</translation>
    </message>
    <message>
        <source>%1 accepted connections but never answered in time (%2). Raise the request timeout or check the server.</source>
        <translation>%1 aceptó conexiones pero nunca respondió a tiempo (%2). Aumente el tiempo límite de petición o revise el servidor.</translation>
    </message>
    <message>
        <source>%1 did not give a valid HTTP response (%2).</source>
        <translation>%1 no dio una respuesta HTTP válida (%2).</translation>
    </message>
    <message>
        <source>No request to %1 completed.</source>
        <translation>No se completó ninguna petición a %1.</translation>
    </message>
    <message>
        <source>No response from %1 completed in %2 s (request timeout %3 s): the server accepted the connections but never answered, or never finished a response. Check the server, or raise the request timeout.</source>
        <translation>Ninguna respuesta de %1 se completó en %2 s (tiempo límite por petición %3 s): el servidor aceptó las conexiones pero nunca respondió o nunca terminó una respuesta. Revise el servidor o aumente el tiempo límite.</translation>
    </message>
    <message>
        <source>%1 does not offer HTTP/2 (%2).</source>
        <translation>%1 no ofrece HTTP/2 (%2).</translation>
    </message>
    <message>
        <source>%1 reset the requests&apos; streams (%2).</source>
        <translation>%1 reinició los streams de las peticiones (%2).</translation>
    </message>
    <message>
        <source>%1 ended its connections with GOAWAY before answering (%2).</source>
        <translation>%1 cerró sus conexiones con GOAWAY antes de responder (%2).</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PerformancePage</name>
    <message>
        <source>Give the profile a name to save it.</source>
        <translation>Dé un nombre al perfil para guardarlo.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Perfil nuevo</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Target URL:</source>
        <translation>URL de &amp;destino:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Método:</translation>
    </message>
    <message>
        <source>&amp;Load:</source>
        <translation>&amp;Carga:</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>Lo más rápido posible</translation>
    </message>
    <message>
        <source>Constant rate</source>
        <translation>Tasa constante</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> pet./s</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>C&amp;onexiones:</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>D&amp;uración:</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>C&amp;alentamiento:</translation>
    </message>
    <message>
        <source>Request time&amp;out:</source>
        <translation>&amp;Tiempo límite:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation>&amp;Generador:</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>E&amp;tiquetas:</translation>
    </message>
    <message>
        <source>mesh=istio, version=1.22</source>
        <translation>mesh=istio, version=1.22</translation>
    </message>
    <message>
        <source>H&amp;eaders:</source>
        <translation>Ca&amp;beceras:</translation>
    </message>
    <message>
        <source>One per line, e.g. Authorization: Bearer …</source>
        <translation>Una por línea, p. ej. Authorization: Bearer …</translation>
    </message>
    <message>
        <source>Bod&amp;y:</source>
        <translation>Cuer&amp;po:</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>&amp;Guardar perfil</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>Start the load test (Ctrl+R)</source>
        <translation>Iniciar la prueba de carga (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop now and keep what was measured</source>
        <translation>Detener ahora y conservar lo medido</translation>
    </message>
    <message>
        <source>Open in Results</source>
        <translation>Abrir en Resultados</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Peticiones por segundo</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>peticiones/s</translation>
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
        <translation>segundos</translation>
    </message>
    <message>
        <source>Choose a target and a load, then Run. Each run is saved and can be compared on the Results page.</source>
        <translation>Elija un destino y una carga y pulse Ejecutar. Cada ejecución se guarda y se puede comparar en la página Resultados.</translation>
    </message>
    <message>
        <source>Enter the URL to load, for example http://127.0.0.1:9080/productpage.</source>
        <translation>Introduzca la URL que cargar, por ejemplo http://127.0.0.1:9080/productpage.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>«%1» no es una URL http:// ni https://.</translation>
    </message>
    <message>
        <source>Running %1 against %2…</source>
        <translation>Ejecutando %1 contra %2…</translation>
    </message>
    <message>
        <source>warming up…</source>
        <translation>calentando…</translation>
    </message>
    <message>
        <source>%1 of %2, %3 left</source>
        <translation>%1 de %2, quedan %3</translation>
    </message>
    <message>
        <source>%1 req/s   p50 %2 ms   p99 %3 ms   errors %4</source>
        <translation>%1 pet./s   p50 %2 ms   p99 %3 ms   errores %4</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>La ejecución falló: %1</translation>
    </message>
    <message>
        <source>%1: %2 requests at %3 req/s, p50 %4 ms, p99 %5 ms, p99.9 %6 ms, %7 % errors.</source>
        <translation>%1: %2 peticiones a %3 pet./s, p50 %4 ms, p99 %5 ms, p99,9 %6 ms, %7 % de errores.</translation>
    </message>
    <message>
        <source>Cancelled, partial result kept</source>
        <translation>Cancelada, resultado parcial conservado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>The requested rate of %1/s was not reached: the target or the connections could not keep up.</source>
        <translation>No se alcanzó la tasa pedida de %1/s: el destino o las conexiones no dieron abasto.</translation>
    </message>
    <message>
        <source>It could not be saved: %1</source>
        <translation>No se pudo guardar: %1</translation>
    </message>
    <message>
        <source>Save Result As</source>
        <translation>Guardar resultado como</translation>
    </message>
    <message>
        <source>Meshdeck result file (*.pb)</source>
        <translation>Archivo de resultado de Meshdeck (*.pb)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Save Result &amp;As…</source>
        <translation>Guardar resultado &amp;como…</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>worker %1</translation>
    </message>
    <message>
        <source>Load &amp;from:</source>
        <translation>Carga &amp;desde:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>The cluster (worker pods of a Job)</source>
        <translation>El clúster (pods worker de un Job)</translation>
    </message>
    <message>
        <source>The cluster: Kubernetes runs Meshdeck&apos;s load generator as an Indexed Job inside the cluster, so the requests take the east-west path through the sidecars; the workers&apos; results are merged exactly.</source>
        <translation>El clúster: Kubernetes ejecuta el generador de carga de Meshdeck como un Indexed Job dentro del clúster, de modo que las peticiones siguen el camino este-oeste a través de los sidecars; los resultados de los workers se combinan con exactitud.</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> workers</translation>
    </message>
    <message>
        <source>The workers&apos; namespace; created (and removed afterwards) when missing.</source>
        <translation>El namespace de los workers; se crea (y se elimina después) si no existe.</translation>
    </message>
    <message>
        <source>Inside the mesh</source>
        <translation>Dentro de la malla</translation>
    </message>
    <message>
        <source>Inject the workers&apos; namespace, so that their own sidecar is on the path (as Istio&apos;s benchmarks measure).</source>
        <translation>Inyectar el namespace de los workers, para que su propio sidecar esté en el camino (como miden los benchmarks de Istio).</translation>
    </message>
    <message>
        <source>Worker pod</source>
        <translation>Pod worker</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>pet./s</translation>
    </message>
    <message>
        <source>No cluster is connected: connect one on the Clusters page, or load from this computer.</source>
        <translation>No hay ningún clúster conectado: conecte uno en la página Clústeres, o genere la carga desde este equipo.</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n worker pod(s) in the cluster…</source>
        <translation>
            <numerusform>Iniciando %n pod worker en el clúster…</numerusform>
            <numerusform>Iniciando %n pods worker en el clúster…</numerusform>
        </translation>
    </message>
    <message>
        <source>No cluster is connected: connect one on the Clusters page.</source>
        <translation>No hay ningún clúster conectado: conecte uno en la página Clústeres.</translation>
    </message>
    <message numerus="yes">
        <source>%n Service port(s) of the cluster are offered in the target box.</source>
        <translation>
            <numerusform>Se ofrece %n puerto de Service del clúster en el campo de destino.</numerusform>
            <numerusform>Se ofrecen %n puertos de Service del clúster en el campo de destino.</numerusform>
        </translation>
    </message>
    <message>
        <source>Measure Mesh &amp;Overhead…</source>
        <translation>Medir la s&amp;obrecarga de la malla…</translation>
    </message>
    <message>
        <source>The same load without and with the mesh at several rates: the latency, CPU and memory the mesh adds</source>
        <translation>La misma carga sin y con la malla a varias tasas: la latencia, la CPU y la memoria que añade la malla</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rate: give whole requests per second from 1 to 10,000,000.</source>
        <translation>«%1» no es una tasa: indique solicitudes por segundo enteras de 1 a 10.000.000.</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>Protoco&amp;lo:</translation>
    </message>
    <message>
        <source> streams per connection</source>
        <translation> streams por conexión</translation>
    </message>
    <message>
        <source>HTTP/2 carries this many requests at once on each connection (h2c for http://, negotiated for https://)</source>
        <translation>HTTP/2 lleva esta cantidad de peticiones a la vez en cada conexión (h2c para http://, negociado para https://)</translation>
    </message>
    <message>
        <source>package.Service/Method; the body is the request message as JSON. grpc.health.v1 and the demo&apos;s Bookinfo services are known; other methods are called with an empty message.</source>
        <translation>paquete.Servicio/Método; el cuerpo es el mensaje de la petición en JSON. Se conocen grpc.health.v1 y los servicios Bookinfo de la demo; los demás métodos se llaman con un mensaje vacío.</translation>
    </message>
    <message>
        <source>The request message as JSON, e.g. {&quot;id&quot;: 1}</source>
        <translation>El mensaje de la petición en JSON, p. ej. {&quot;id&quot;: 1}</translation>
    </message>
    <message>
        <source>gRPC c&amp;all:</source>
        <translation>Llamada g&amp;RPC:</translation>
    </message>
    <message>
        <source>A run with a name is kept as that profile (listed on the left, shown in Results&apos; Profile column); without one it is named by its URL.</source>
        <translation>Una ejecución con nombre se guarda como ese perfil (en la lista de la izquierda y en la columna «Perfil» de Resultados); sin nombre, se nombra por su URL.</translation>
    </message>
    <message>
        <source>A header, the URL or the body still reads &quot;%1&quot;: that secret value was not read from the keyring. Type it again, then start.</source>
        <translation>Una cabecera, la URL o el cuerpo aún dice «%1»: ese valor secreto no se leyó del llavero. Escríbalo de nuevo y luego inicie.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PodShellPanel</name>
    <message>
        <source>Disconnected.</source>
        <translation>Desconectado.</translation>
    </message>
    <message>
        <source>Connecting to %1 in pod %2…</source>
        <translation>Conectando con %1 en el pod %2…</translation>
    </message>
    <message>
        <source>Connected to %1 in pod %2. Ctrl+Shift+C copies the screen, Ctrl+Shift+V pastes.</source>
        <translation>Conectado con %1 en el pod %2. Ctrl+Mayús+C copia la pantalla, Ctrl+Mayús+V pega.</translation>
    </message>
    <message>
        <source>The command ended with exit code %1.</source>
        <translation>La orden terminó con el código de salida %1.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Select a pod to open a shell in one of its containers.</source>
        <translation>Seleccione un pod para abrir una shell en uno de sus contenedores.</translation>
    </message>
    <message>
        <source>Pod %1 is not running: there is no container to open a shell in.</source>
        <translation>El pod %1 no está en ejecución: no hay contenedor donde abrir una shell.</translation>
    </message>
    <message>
        <source>Connect runs the command in the chosen container with a terminal.</source>
        <translation>Conectar ejecuta la orden en el contenedor elegido con un terminal.</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>The command to run, e.g. /bin/sh or /bin/bash</source>
        <translation>La orden que se ejecuta, p. ej. /bin/sh o /bin/bash</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PortForwardModel</name>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Redirigiendo</translation>
    </message>
    <message>
        <source>Forwarding (last error: %1)</source>
        <translation>Redirigiendo (último error: %1)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 de entrada, %2 de salida</translation>
    </message>
    <message>
        <source>%1 open, %2 in all</source>
        <translation>%1 abiertas, %2 en total</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Dirección local</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
</context>
<context>
    <name>Meshdeck::PortForwardPanel</name>
    <message>
        <source>&amp;New Forward…</source>
        <translation>&amp;Nueva redirección…</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Abrir en el nave&amp;gador</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>Right-click a pod in the tree to forward one of its ports. A Service&apos;s port goes to a ready pod behind it, found again when pods are replaced. Forwards stop when the context is disconnected.</source>
        <translation>Haga clic derecho en un pod del árbol para redirigir uno de sus puertos. El puerto de un Service va a un pod listo tras él, que se vuelve a buscar cuando se reemplazan los pods. Las redirecciones terminan al desconectar el contexto.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ProfileSecrets</name>
    <message>
        <source>No keyring is available (a Secret Service such as GNOME Keyring, or KWallet): %1</source>
        <translation>No hay ningún llavero disponible (un Secret Service como GNOME Keyring, o KWallet): %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was saved without its secret values, which could not be kept in the keyring. %2</source>
        <translation>El perfil «%1» se guardó sin sus valores secretos, que no pudieron guardarse en el llavero. %2</translation>
    </message>
    <message>
        <source>The secret values of &quot;%1&quot; are not in the keyring (it was saved where no keyring was available): type them again.</source>
        <translation>Los valores secretos de «%1» no están en el llavero (se guardó donde no había llavero): escríbalos de nuevo.</translation>
    </message>
    <message>
        <source>The secret values of &quot;%1&quot; could not be read from the keyring: %2 Type them again.</source>
        <translation>Los valores secretos de «%1» no se pudieron leer del llavero: %2 Escríbalos de nuevo.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResourceTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo de objeto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
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
        <translation>El resultado de este archivo está dañado.</translation>
    </message>
    <message>
        <source>%1 bytes of payload do not parse</source>
        <translation>%1 bytes de contenido no se pueden analizar</translation>
    </message>
    <message>
        <source>The latency histogram in this file is damaged.</source>
        <translation>El histograma de latencia de este archivo está dañado.</translation>
    </message>
    <message>
        <source>The service-time histogram in this file is damaged.</source>
        <translation>El histograma de tiempo de servicio de este archivo está dañado.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>The result uses the protocol &quot;%1&quot;, which this version of Meshdeck does not know; update Meshdeck.</source>
        <translation>El resultado usa el protocolo «%1», que esta versión de Meshdeck no conoce; actualice Meshdeck.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultFiles</name>
    <message>
        <source>The SMP result has no latencies_ms.</source>
        <translation>El resultado SMP no tiene latencies_ms.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The JSON is malformed at offset %1: %2.</source>
        <translation>El JSON es incorrecto en la posición %1: %2.</translation>
    </message>
    <message>
        <source>The YAML is not a mapping.</source>
        <translation>El YAML no es un mapa.</translation>
    </message>
    <message>
        <source>This JSON is neither a fortio result (DurationHistogram) nor a Service Mesh Performance result (PerformanceTestResult).</source>
        <translation>Este JSON no es un resultado de fortio (DurationHistogram) ni de Service Mesh Performance (PerformanceTestResult).</translation>
    </message>
    <message>
        <source>The file holds no runs.</source>
        <translation>El archivo no contiene ejecuciones.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use meshdeck, fortio or smp.</source>
        <translation>Formato desconocido «%1»: use meshdeck, fortio o smp.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultStore</name>
    <message>
        <source>%1: the results database is in use by another program (another Meshdeck window?). Close it, or wait for its run to finish, and try again.</source>
        <translation>%1: otro programa está usando la base de datos de resultados (¿otra ventana de Meshdeck?). Ciérrelo o espere a que termine su ejecución y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1: the disk is full. Nothing was written; free some space and try again, or save the run to a file elsewhere.</source>
        <translation>%1: el disco está lleno. No se escribió nada; libere espacio y vuelva a intentarlo, o guarde la ejecución en un archivo en otro lugar.</translation>
    </message>
    <message>
        <source>%1: the results database %2 is damaged. Move it aside and start a fresh one; the damaged file is kept for recovery.</source>
        <translation>%1: la base de datos de resultados %2 está dañada. Apártela y empiece una nueva; el archivo dañado se conserva para recuperarlo.</translation>
    </message>
    <message>
        <source>%1: the results database is open read-only.</source>
        <translation>%1: la base de datos de resultados está abierta en solo lectura.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 falló.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the results database %1.</source>
        <translation>No se puede crear la carpeta de la base de datos de resultados %1.</translation>
    </message>
    <message>
        <source>There is no results database at %1.</source>
        <translation>No hay base de datos de resultados en %1.</translation>
    </message>
    <message>
        <source>Opening the results database</source>
        <translation>Abrir la base de datos de resultados</translation>
    </message>
    <message>
        <source>The results database %1 was written by a newer Meshdeck (schema %2; this version knows %3). It is opened read-only; update Meshdeck to add runs.</source>
        <translation>La base de datos de resultados %1 la escribió un Meshdeck más reciente (esquema %2; esta versión conoce %3). Se abre en solo lectura; actualice Meshdeck para añadir ejecuciones.</translation>
    </message>
    <message>
        <source>Preparing the results database</source>
        <translation>Preparar la base de datos de resultados</translation>
    </message>
    <message>
        <source>Cannot move %1 aside.</source>
        <translation>No se puede apartar %1.</translation>
    </message>
    <message>
        <source>Saving the run</source>
        <translation>Guardar la ejecución</translation>
    </message>
    <message>
        <source>The results database is open read-only; save the run to a file instead.</source>
        <translation>La base de datos de resultados está en solo lectura; guarde la ejecución en un archivo.</translation>
    </message>
    <message>
        <source>Reading the run</source>
        <translation>Leer la ejecución</translation>
    </message>
    <message>
        <source>There is no run %1.</source>
        <translation>No existe la ejecución %1.</translation>
    </message>
    <message>
        <source>Deleting runs</source>
        <translation>Eliminar ejecuciones</translation>
    </message>
    <message>
        <source>Listing runs</source>
        <translation>Listar ejecuciones</translation>
    </message>
    <message>
        <source>Counting runs</source>
        <translation>Contar ejecuciones</translation>
    </message>
    <message>
        <source>Saving the profile</source>
        <translation>Guardar el perfil</translation>
    </message>
    <message>
        <source>Reading profiles</source>
        <translation>Leer los perfiles</translation>
    </message>
    <message>
        <source>Deleting the profile</source>
        <translation>Eliminar el perfil</translation>
    </message>
    <message>
        <source>Recording the operation</source>
        <translation>Registrar la operación</translation>
    </message>
    <message>
        <source>Reading the operation history</source>
        <translation>Leer el historial de operaciones</translation>
    </message>
    <message>
        <source>The results database path %1 is a folder, not a file. Give a file name, for example %2.</source>
        <translation>La ruta de la base de datos de resultados %1 es una carpeta, no un archivo. Indique un nombre de archivo, por ejemplo %2.</translation>
    </message>
    <message>
        <source>Cannot create the results database %1: the folder is not writable.</source>
        <translation>No se puede crear la base de datos de resultados %1: la carpeta no admite escritura.</translation>
    </message>
    <message>
        <source>The folder of the results database %1 is not writable, and SQLite keeps its journal beside the database: the runs are shown read-only. To add runs, make the folder writable or choose a database in a writable folder.</source>
        <translation>La carpeta de la base de datos de resultados %1 no admite escritura, y SQLite guarda su diario junto a la base de datos: las ejecuciones se muestran de solo lectura. Para añadir ejecuciones, haga la carpeta escribible o elija una base de datos en una carpeta escribible.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultsController</name>
    <message>
        <source>No results database is open.</source>
        <translation>No hay ninguna base de datos de resultados abierta.</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Comparar ejecuciones</translation>
    </message>
    <message>
        <source>These runs are not from a mesh overhead experiment, or it measured no rate with both arms. Run one from Performance → Measure Mesh Overhead…, then select any of its runs.</source>
        <translation>Estas ejecuciones no proceden de un experimento de sobrecarga de la malla, o no midió ninguna tasa con ambas ramas. Ejecute uno desde Rendimiento → Medir la sobrecarga de la malla… y seleccione cualquiera de sus ejecuciones.</translation>
    </message>
    <message>
        <source>Overhead Report</source>
        <translation>Informe de sobrecarga</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>No se importó nada. %1</translation>
    </message>
    <message>
        <source>Import Results</source>
        <translation>Importar resultados</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Eliminar ejecuciones</translation>
    </message>
    <message>
        <source>Save Result As</source>
        <translation>Guardar resultado como</translation>
    </message>
</context>
<context>
    <name>Meshdeck::ResultsPage</name>
    <message>
        <source>Filter by name, profile, mesh, URL or label</source>
        <translation>Filtrar por nombre, perfil, malla, URL o etiqueta</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n ejecución</numerusform>
            <numerusform>%n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>Select 2 to 6 runs (Ctrl or Shift + click), then compare their latency distributions</source>
        <translation>Seleccione de 2 a 6 ejecuciones (Ctrl o Mayús + clic) y compare sus distribuciones de latencia</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Move Aside and Start &amp;Fresh</source>
        <translation>Apartar y empezar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Import Results</source>
        <translation>Importar resultados</translation>
    </message>
    <message>
        <source>Results (*.pb *.json *.yaml *.yml);;All files (*)</source>
        <translation>Resultados (*.pb *.json *.yaml *.yml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <source>Service Mesh Performance JSON (*.json);;fortio JSON (*.fortio.json);;Meshdeck result file (*.pb)</source>
        <translation>JSON de Service Mesh Performance (*.json);;JSON de fortio (*.fortio.json);;Archivo de resultado de Meshdeck (*.pb)</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Eliminar ejecuciones</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s)? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar %n ejecución? No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar %n ejecuciones? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overhead &amp;Report</source>
        <translation>Informe de sob&amp;recarga</translation>
    </message>
    <message>
        <source>The mesh overhead report of the experiment the selected runs belong to</source>
        <translation>El informe de sobrecarga de la malla del experimento al que pertenecen las ejecuciones seleccionadas</translation>
    </message>
    <message>
        <source>Back to &amp;runs</source>
        <translation>Volver a las &amp;ejecuciones</translation>
    </message>
    <message>
        <source>%1: written to %2. &lt;a href=&quot;%3&quot;&gt;Open Folder&lt;/a&gt;</source>
        <translation>%1: escrito en %2. &lt;a href=&quot;%3&quot;&gt;Abrir carpeta&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: hecho.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>Meshdeck::RunController</name>
    <message>
        <source>No cluster is connected: connect one on the Clusters page, or run the load from this computer.</source>
        <translation>No hay ningún clúster conectado: conecte uno en la página Clústeres, o ejecute la carga desde este equipo.</translation>
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
        <translation>No hay ninguna base de datos de resultados abierta.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::RunsTableModel</name>
    <message>
        <source>%1 (partial)</source>
        <translation>%1 (parcial)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máx.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Mesh</source>
        <translation>Malla</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Requested/s</source>
        <translation>Pedidas/s</translation>
    </message>
    <message>
        <source>Achieved/s</source>
        <translation>Logradas/s</translation>
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
        <translation>Errores %</translation>
    </message>
</context>
<context>
    <name>Meshdeck::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The language of menus and pages. Changes apply at once.</source>
        <translation>El idioma de los menús y las páginas. Los cambios se aplican al instante.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>&amp;Reopen the page I was on when Meshdeck starts</source>
        <translation>&amp;Reabrir la última página al iniciar Meshdeck</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Archivo de configuración:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>&amp;Open Data Folder</source>
        <translation>Abrir carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>Results and profiles are kept in this folder.</source>
        <translation>Los resultados y perfiles se guardan en esta carpeta.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Sparkline</name>
    <message>
        <source>min %1 · max %2</source>
        <translation>mín. %1 · máx. %2</translation>
    </message>
    <message numerus="yes">
        <source>last %n min</source>
        <translation>
            <numerusform>último %n min</numerusform>
            <numerusform>últimos %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n s</source>
        <translation>
            <numerusform>último %n s</numerusform>
            <numerusform>últimos %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meshdeck::Telemetry::PrometheusClient</name>
    <message>
        <source>The answer is not Prometheus&apos;s JSON. Is this address a Prometheus server?</source>
        <translation>La respuesta no es el JSON de Prometheus. ¿Es esta dirección un servidor Prometheus?</translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus rechazó la consulta (%1): %2</translation>
    </message>
    <message>
        <source>The answer has no &quot;status&quot;:&quot;success&quot; and data; it is not from the Prometheus HTTP API.</source>
        <translation>La respuesta no tiene «status»:«success» ni datos; no viene de la API HTTP de Prometheus.</translation>
    </message>
    <message>
        <source>Expected an instant vector, got &quot;%1&quot;.</source>
        <translation>Se esperaba un vector instantáneo y llegó «%1».</translation>
    </message>
    <message>
        <source>More than %1 series: the rest were left out. Narrow the query (namespaces) or raise Prometheus&apos;s relabelling.</source>
        <translation>Más de %1 series: el resto se omitió. Acote la consulta (espacios de nombres) o ajuste el reetiquetado de Prometheus.</translation>
    </message>
    <message>
        <source>Expected a range matrix.</source>
        <translation>Se esperaba una matriz de rango.</translation>
    </message>
    <message>
        <source>Querying Prometheus at %1</source>
        <translation>Consultando Prometheus en %1</translation>
    </message>
    <message>
        <source>Prometheus at %1 refused the credentials (HTTP %2). Check the token or user set for it.</source>
        <translation>Prometheus en %1 rechazó las credenciales (HTTP %2). Compruebe el token o el usuario configurado.</translation>
    </message>
    <message>
        <source>Prometheus at %1 is not answering yet.</source>
        <translation>Prometheus en %1 todavía no responde.</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2.</source>
        <translation>Prometheus en %1 respondió HTTP %2.</translation>
    </message>
    <message>
        <source>No Prometheus found in the cluster (looked for %1). Install the mesh&apos;s Prometheus add-on, or give Prometheus&apos;s URL.</source>
        <translation>No se encontró Prometheus en el clúster (se buscó %1). Instale el complemento Prometheus de la malla o indique la URL de Prometheus.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Telemetry::ResourceSampler</name>
    <message>
        <source>no cluster is connected, so there is nothing to measure CPU and memory with</source>
        <translation>no hay ningún clúster conectado, así que no hay con qué medir CPU y memoria</translation>
    </message>
    <message>
        <source>Prometheus (%1) has no container_cpu_usage_seconds_total series for %2 (is the kubelet&apos;s cAdvisor endpoint scraped?)</source>
        <translation>Prometheus (%1) no tiene series container_cpu_usage_seconds_total para %2 (¿se recoge el endpoint cAdvisor del kubelet?)</translation>
    </message>
    <message>
        <source>Prometheus (%1) did not answer: %2</source>
        <translation>Prometheus (%1) no respondió: %2</translation>
    </message>
    <message>
        <source>CPU and memory come from the metrics API (%1); Prometheus was not usable: %2</source>
        <translation>CPU y memoria vienen de la API de métricas (%1); Prometheus no era utilizable: %2</translation>
    </message>
    <message>
        <source>CPU and memory are not available: %1; and the metrics API (metrics.k8s.io) did not answer: %2. Install metrics-server, or a Prometheus that scrapes the kubelets&apos; cAdvisor endpoint.</source>
        <translation>CPU y memoria no están disponibles: %1; y la API de métricas (metrics.k8s.io) no respondió: %2. Instale metrics-server, o un Prometheus que recoja el endpoint cAdvisor de los kubelets.</translation>
    </message>
    <message>
        <source>Pods started during the run (restarted, rescheduled or scaled): %1</source>
        <translation>Pods iniciados durante la ejecución (reiniciados, reprogramados o escalados): %1</translation>
    </message>
    <message>
        <source>Pods without samples at the end of the run (deleted or restarted): %1</source>
        <translation>Pods sin muestras al final de la ejecución (eliminados o reiniciados): %1</translation>
    </message>
    <message>
        <source>No CPU samples fell inside the run; runs shorter than two scrape intervals cannot be measured from Prometheus.</source>
        <translation>Ninguna muestra de CPU cayó dentro de la ejecución; las ejecuciones más cortas que dos intervalos de recogida no se pueden medir con Prometheus.</translation>
    </message>
    <message>
        <source>The run&apos;s target namespace is not known (give the URL as a Service name such as http://svc.ns:port, or a label namespace=NS), and the mesh&apos;s control plane had no samples.</source>
        <translation>No se conoce el espacio de nombres de destino de la ejecución (indique la URL como nombre de Service, p. ej. http://svc.ns:port, o una etiqueta namespace=NS), y el plano de control de la malla no tuvo muestras.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Topology::GraphFilter</name>
    <message>
        <source>Cannot read the expression at &quot;%1&quot;.</source>
        <translation>No se puede leer la expresión en «%1».</translation>
    </message>
    <message>
        <source>The expression is incomplete.</source>
        <translation>La expresión está incompleta.</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot;: combine conditions with and, or, not.</source>
        <translation>«%1» inesperado: combine condiciones con and, or, not.</translation>
    </message>
    <message>
        <source>A &quot;(&quot; is never closed.</source>
        <translation>Un «(» nunca se cierra.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;: use name, namespace, node, app, version, rps, %err, rt, healthy, mtls, sidecar or idle.</source>
        <translation>Campo desconocido «%1»: use name, namespace, node, app, version, rps, %err, rt, healthy, mtls, sidecar o idle.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an operator: = != &lt; &gt; &lt;= &gt;= or contains.</source>
        <translation>«%1» necesita un operador: = != &lt; &gt; &lt;= &gt;= o contains.</translation>
    </message>
    <message>
        <source>&quot;%1 %2&quot; needs a value.</source>
        <translation>«%1 %2» necesita un valor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; compares numbers; &quot;%2&quot; is not one.</source>
        <translation>«%1» compara números; «%2» no lo es.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TopologyPage</name>
    <message>
        <source>The graph could not be refreshed: %1 The last good graph is shown.</source>
        <translation>No se pudo actualizar el grafo: %1 Se muestra el último grafo correcto.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Exportar grafo</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>Workload graph</source>
        <translation>Grafo de cargas de trabajo</translation>
    </message>
    <message>
        <source>App graph</source>
        <translation>Grafo de aplicaciones</translation>
    </message>
    <message>
        <source>Versioned app graph</source>
        <translation>Grafo de aplicaciones con versión</translation>
    </message>
    <message>
        <source>Service graph</source>
        <translation>Grafo de servicios</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>Cada 5 s</translation>
    </message>
    <message>
        <source>Every 10 s</source>
        <translation>Cada 10 s</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Cada 30 s</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Cada minuto</translation>
    </message>
    <message>
        <source>No edge labels</source>
        <translation>Sin etiquetas en aristas</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Tasa de peticiones</translation>
    </message>
    <message>
        <source>Response time (p99)</source>
        <translation>Tiempo de respuesta (p99)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Caudal</translation>
    </message>
    <message>
        <source>Security (mTLS)</source>
        <translation>Seguridad (mTLS)</translation>
    </message>
    <message>
        <source>&amp;Graph:</source>
        <translation>&amp;Grafo:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Espacio de nombres:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Ventana:</translation>
    </message>
    <message>
        <source>Re&amp;fresh:</source>
        <translation>Act&amp;ualizar:</translation>
    </message>
    <message>
        <source>&amp;Edges:</source>
        <translation>A&amp;ristas:</translation>
    </message>
    <message>
        <source>&amp;Idle nodes</source>
        <translation>Nodos &amp;inactivos</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Fi&amp;t</source>
        <translation>A&amp;justar</translation>
    </message>
    <message>
        <source>Fit the graph to the view (F)</source>
        <translation>Ajustar el grafo a la vista (F)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Hide:</source>
        <translation>&amp;Ocultar:</translation>
    </message>
    <message>
        <source>e.g. rt &gt; 100 or %err &gt; 0</source>
        <translation>p. ej. rt &gt; 100 or %err &gt; 0</translation>
    </message>
    <message>
        <source>e.g. namespace = istio-system</source>
        <translation>p. ej. namespace = istio-system</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Todos los espacios de nombres</translation>
    </message>
    <message>
        <source>No live traffic: %1 The graph shows what the Kubernetes API knows (services and the workloads they select).</source>
        <translation>Sin tráfico en vivo: %1 El grafo muestra lo que sabe la API de Kubernetes (servicios y las cargas que seleccionan).</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 in &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 en &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;App %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aplicación %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Pods ready: %1 of %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pods listos: %1 de %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Inbound: %1 req/s, %2 % errors&lt;br&gt;Outbound: %3 req/s&lt;/p&gt;</source>
        <translation>&lt;p&gt;Entrante: %1 pet./s, %2 % de errores&lt;br&gt;Saliente: %3 pet./s&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Health: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Estado: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>missing sidecar: its pods are outside the mesh</source>
        <translation>falta el sidecar: sus pods están fuera de la malla</translation>
    </message>
    <message>
        <source>has a VirtualService</source>
        <translation>tiene un VirtualService</translation>
    </message>
    <message>
        <source>circuit breaker (DestinationRule)</source>
        <translation>interruptor de circuito (DestinationRule)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Protocol %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Protocolo %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No traffic in the window: this edge is the Service selecting its workload.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sin tráfico en la ventana: esta arista es el Service que selecciona su carga.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 req/s&lt;br&gt;4xx %2 %, 5xx %3 %&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 pet./s&lt;br&gt;4xx %2 %, 5xx %3 %&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;p50 %1&lt;br&gt;p95 %2&lt;br&gt;p99 %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;p50 %1&lt;br&gt;p95 %2&lt;br&gt;p99 %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;mTLS: %1 % of requests&lt;/p&gt;</source>
        <translation>&lt;p&gt;mTLS: %1 % de las peticiones&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a node or an edge to see its traffic.&lt;/p&gt;&lt;p&gt;Drag to pan, wheel to zoom, F to fit, Tab to walk the nodes.&lt;/p&gt;&lt;p&gt;Shapes: triangle service, circle workload, square app, hexagon gateway, diamond unknown. Colours: green healthy, amber degraded, red failing, grey idle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seleccione un nodo o una arista para ver su tráfico.&lt;/p&gt;&lt;p&gt;Arrastre para desplazar, rueda para ampliar, F para ajustar, Tab para recorrer los nodos.&lt;/p&gt;&lt;p&gt;Formas: triángulo servicio, círculo carga de trabajo, cuadrado aplicación, hexágono pasarela, rombo desconocido. Colores: verde sano, ámbar degradado, rojo fallando, gris inactivo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>Layered</source>
        <translation>Por capas</translation>
    </message>
    <message>
        <source>Force-directed</source>
        <translation>Dirigida por fuerzas</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Disposición:</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Peticiones/s</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Traffic &amp;animation</source>
        <translation>&amp;Animación del tráfico</translation>
    </message>
    <message>
        <source>Dots run along busy edges: more and faster with more requests, red for errors</source>
        <translation>Puntos recorren las aristas con tráfico: más y más rápido con más peticiones, rojos para errores</translation>
    </message>
    <message>
        <source>no ready pods: its selector matches none, so its calls fail (503)</source>
        <translation>sin pods listos: su selector no coincide con ninguno, así que sus llamadas fallan (503)</translation>
    </message>
    <message>
        <source>Exported to %1 — &lt;a href=&quot;%2&quot;&gt;Open Folder&lt;/a&gt;</source>
        <translation>Exportado a %1 — &lt;a href=&quot;%2&quot;&gt;Abrir carpeta&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Find: %n match(es)</source>
        <translation>
            <numerusform>Buscar: %n coincidencia</numerusform>
            <numerusform>Buscar: %n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Todavía no hay grafo que exportar.</translation>
    </message>
    <message>
        <source>configuration error: %1</source>
        <translation>error de configuración: %1</translation>
    </message>
    <message>
        <source>configuration warning: %1</source>
        <translation>advertencia de configuración: %1</translation>
    </message>
    <message>
        <source>&amp;Route Traffic to %1…</source>
        <translation>&amp;Enrutar el tráfico a %1…</translation>
    </message>
    <message>
        <source>updated %1 · %2 PromQL queries, %3 ms</source>
        <translation>actualizado %1 · %2 consultas PromQL, %3 ms</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges</source>
        <translation>%1 nodos, %2 aristas</translation>
    </message>
    <message>
        <source>%1 of %2 nodes, %3 of %4 edges shown (the rest hidden)</source>
        <translation>%1 de %2 nodos, %3 de %4 aristas visibles (el resto oculto)</translation>
    </message>
    <message>
        <source>Traffic distribution (%)</source>
        <translation>Reparto del tráfico (%)</translation>
    </message>
    <message>
        <source>fault injection: its VirtualService delays or aborts requests</source>
        <translation>inyección de fallos: su VirtualService retrasa o aborta solicitudes</translation>
    </message>
    <message>
        <source>a timeout or retries (VirtualService)</source>
        <translation>un plazo o reintentos (VirtualService)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Retries: %1/s (%2 per request), sent by the source&apos;s proxies&lt;/p&gt;</source>
        <translation>&lt;p&gt;Reintentos: %1/s (%2 por petición), enviados por los proxies del origen&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Routing of these requests:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Enrutamiento de estas peticiones:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Retries: not reported. Istio&apos;s proxies export Envoy&apos;s retry counters only when the mesh&apos;s &lt;tt&gt;proxyStatsMatcher&lt;/tt&gt; includes them (for example &lt;tt&gt;inclusionRegexps: [&quot;.*upstream_rq_retry.*&quot;]&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Reintentos: no informados. Los proxies de Istio exportan los contadores de reintentos de Envoy solo cuando el &lt;tt&gt;proxyStatsMatcher&lt;/tt&gt; de la malla los incluye (por ejemplo &lt;tt&gt;inclusionRegexps: [".*upstream_rq_retry.*"]&lt;/tt&gt;).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TopologyWorker</name>
    <message>
        <source>No cluster is connected.</source>
        <translation>No hay ningún clúster conectado.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::TrafficDialog</name>
    <message>
        <source>Applying…</source>
        <translation>Aplicando…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Quitando…</translation>
    </message>
    <message>
        <source>%1
Apply again to take these fields over (force).</source>
        <translation>%1
Aplique de nuevo para tomar esos campos (force).</translation>
    </message>
    <message>
        <source>Total: %1 %</source>
        <translation>Total: %1 %</translation>
    </message>
    <message>
        <source>Route Traffic</source>
        <translation>Enrutar el tráfico</translation>
    </message>
    <message>
        <source>Traffic to %1 in %2</source>
        <translation>Tráfico a %1 en %2</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versiones</translation>
    </message>
    <message>
        <source>&amp;Faults</source>
        <translation>&amp;Fallos</translation>
    </message>
    <message>
        <source>Timeouts and Retr&amp;ies</source>
        <translation>Plazos y re&amp;intentos</translation>
    </message>
    <message>
        <source>The Service&apos;s pods carry no version label, so there is nothing to split between; the other settings still apply.</source>
        <translation>Los pods del Service no llevan etiqueta de versión, así que no hay nada que repartir; los demás ajustes se aplican igualmente.</translation>
    </message>
    <message>
        <source>&amp;Even Split</source>
        <translation>Reparto &amp;uniforme</translation>
    </message>
    <message>
        <source>Dela&amp;y:</source>
        <translation>Re&amp;traso:</translation>
    </message>
    <message>
        <source>for</source>
        <translation>para</translation>
    </message>
    <message>
        <source>Abor&amp;t with HTTP:</source>
        <translation>Abortar con &amp;HTTP:</translation>
    </message>
    <message>
        <source>Re&amp;quest timeout (0: none):</source>
        <translation>Plazo de la &amp;solicitud (0: ninguno):</translation>
    </message>
    <message>
        <source>Retry atte&amp;mpts (0: Istio&apos;s default):</source>
        <translation>Reintentos (&amp;número, 0: el de Istio):</translation>
    </message>
    <message>
        <source>Time &amp;per try (0: none):</source>
        <translation>Tiempo &amp;por intento (0: ninguno):</translation>
    </message>
    <message>
        <source>Retry &amp;on:</source>
        <translation>Reintentar &amp;en caso de:</translation>
    </message>
    <message>
        <source>Max connection&amp;s (0: no limit):</source>
        <translation>Máx. &amp;conexiones (0: sin límite):</translation>
    </message>
    <message>
        <source>Max pe&amp;nding requests (0: no limit):</source>
        <translation>Máx. solicitudes pen&amp;dientes (0: sin límite):</translation>
    </message>
    <message>
        <source>E&amp;ject after consecutive 5xx (0: never):</source>
        <translation>E&amp;xpulsar tras 5xx consecutivos (0: nunca):</translation>
    </message>
    <message>
        <source>Ejection &amp;duration:</source>
        <translation>Du&amp;ración de la expulsión:</translation>
    </message>
    <message>
        <source>What Apply changes (VirtualService and DestinationRule %1, server-side apply as &quot;meshdeck&quot;):</source>
        <translation>Lo que cambia Aplicar (VirtualService y DestinationRule %1, server-side apply como «meshdeck»):</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Remove Meshdeck&apos;s &amp;Rules</source>
        <translation>&amp;Quitar las reglas de Meshdeck</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <source>Path prefix</source>
        <translation>Prefijo de ruta</translation>
    </message>
    <message>
        <source>Exact path</source>
        <translation>Ruta exacta</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>Parámetro de consulta</translation>
    </message>
    <message>
        <source>A path has no name: give it as the value (/reviews)</source>
        <translation>Una ruta no tiene nombre: indíquela como valor (/reviews)</translation>
    </message>
    <message>
        <source>Request Ro&amp;uting</source>
        <translation>Enrutad&amp;o por solicitud</translation>
    </message>
    <message>
        <source>Circuit &amp;Breaker and TLS</source>
        <translation>Interruptor de circuito &amp;y TLS</translation>
    </message>
    <message>
        <source>The Service&apos;s pods carry no version label, so there is no version to send requests to.</source>
        <translation>Los pods del Service no llevan etiqueta de versión, así que no hay versión a la que enviar solicitudes.</translation>
    </message>
    <message>
        <source>Requests that match a rule go to its version, tried top to bottom; the rest are shared as the Versions tab says. Header names are case-insensitive.</source>
        <translation>Las solicitudes que coinciden con una regla van a su versión (se prueban de arriba abajo); el resto se reparte como dice la pestaña Versiones. Los nombres de cabecera no distinguen mayúsculas.</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Header or parameter</source>
        <translation>Cabecera o parámetro</translation>
    </message>
    <message>
        <source>Value (or path)</source>
        <translation>Valor (o ruta)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Add Ru&amp;le</source>
        <translation>Añadir re&amp;gla</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>Quitar regla</translation>
    </message>
    <message>
        <source>&amp;Client TLS to this service:</source>
        <translation>TLS de c&amp;lientes hacia este servicio:</translation>
    </message>
    <message>
        <source>as the mesh decides (PeerAuthentication)</source>
        <translation>según decida la malla (PeerAuthentication)</translation>
    </message>
    <message>
        <source>Istio mutual TLS (ISTIO_MUTUAL)</source>
        <translation>TLS mutuo de Istio (ISTIO_MUTUAL)</translation>
    </message>
    <message>
        <source>plain text (DISABLE)</source>
        <translation>texto plano (DISABLE)</translation>
    </message>
    <message>
        <source>What Apply changes (HTTPRoute %1 and a Service per version, server-side apply as &quot;meshdeck&quot;):</source>
        <translation>Qué cambia Aplicar (HTTPRoute %1 y un Service por versión, server-side apply como «meshdeck»):</translation>
    </message>
    <message>
        <source>&amp;Write as:</source>
        <translation>Escribir co&amp;mo:</translation>
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
        <translation>La conexión falló.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La petición se canceló.</translation>
    </message>
    <message>
        <source>%1 did not take the request in time.</source>
        <translation>%1 no aceptó la petición a tiempo.</translation>
    </message>
    <message>
        <source>%1 answered with a head over 64 KiB: it does not speak HTTP as expected.</source>
        <translation>%1 respondió con una cabecera de más de 64 KiB: no habla HTTP como se esperaba.</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering the request.</source>
        <translation>%1 cerró la conexión sin responder a la petición.</translation>
    </message>
    <message>
        <source>%1 did not answer the request in time.</source>
        <translation>%1 no respondió a la petición a tiempo.</translation>
    </message>
    <message>
        <source>%1 did not answer in HTTP (&quot;%2&quot;).</source>
        <translation>%1 no respondió en HTTP («%2»).</translation>
    </message>
    <message>
        <source>The connection to %1 broke: %2.</source>
        <translation>La conexión con %1 se cortó: %2.</translation>
    </message>
</context>
<context>
    <name>Meshdeck::Yaml</name>
    <message>
        <source> at line %1, column %2</source>
        <translation> en la línea %1, columna %2</translation>
    </message>
    <message>
        <source>The YAML is malformed%1: %2</source>
        <translation>El YAML está mal formado%1: %2</translation>
    </message>
    <message>
        <source>The YAML is nested more than 256 levels deep; it is refused.</source>
        <translation>El YAML está anidado a más de 256 niveles; se rechaza.</translation>
    </message>
    <message>
        <source>The YAML expands to far more values than its size holds (aliases that refer to aliases, a &quot;billion laughs&quot; document); it is refused.</source>
        <translation>El YAML se expande a muchos más valores de los que cabe en su tamaño (alias que remiten a alias, un documento «billion laughs»); se rechaza.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Vista general: haga clic o arrastre para mover la vista</translation>
    </message>
</context>
</TS>
