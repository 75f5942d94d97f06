import type { Messages } from './en';

const es: Messages = {
  appName: 'Folio',
  skipToContent: 'Saltar al contenido',
  home: 'Últimos artículos',
  latestHeading: 'Últimos artículos',
  loadingArticles: 'Cargando artículos…',
  noArticles: 'Todavía no hay artículos.',
  noArticlesOffline:
    'Aún no hay artículos guardados. Conéctese a internet una vez para descargarlos.',
  by: 'Por',
  categories: 'Categorías',
  published: 'Publicado',
  backToList: 'Volver a los últimos artículos',
  notFoundTitle: 'Página no encontrada',
  notFoundText: 'No hay nada en esta dirección.',
  articleNotFoundTitle: 'Artículo no encontrado',
  articleNotFoundText: 'Este artículo no está en el feed guardado. Puede que se haya retirado.',
  bodyNotSaved: 'El texto completo de este artículo aún no se ha guardado.',
  bodyNotSavedOffline:
    'El texto completo de este artículo no se guardó antes de quedarse sin conexión.',
  comments: (count: number) => (count === 1 ? '1 comentario' : `${count} comentarios`),
  commentsClosed: 'Los comentarios están cerrados.',
  inReplyTo: (name: string) => `En respuesta a ${name}`,
  languageFallback: (wanted: string, shown: string) =>
    `No disponible en ${wanted}: se muestra en ${shown}`,
  statusSyncing: 'Actualizando…',
  statusSyncingProgress: (done: number, total: number) =>
    `Guardando artículos: ${done} de ${total}`,
  statusFresh: (when: string) => `Al día · actualizado ${when}`,
  statusOffline: (when: string) => `Sin conexión: se muestran los artículos guardados ${when}`,
  statusOfflineNever: 'Sin conexión: aún no hay nada guardado',
  statusError: (message: string) => `No se pudo actualizar: ${message}`,
  statusKept: 'Sus artículos guardados siguen aquí.',
  statusSkipped: (count: number) =>
    count === 1 ? 'No se pudo cargar 1 artículo' : `No se pudieron cargar ${count} artículos`,
  statusNever: 'Aún sin actualizar',
  retry: 'Reintentar',
  navMain: 'Principal',
  navBookmarks: 'Marcadores',
  navSettings: 'Ajustes',
  parallelTitle: 'En paralelo',
  // — categories —
  filterLegend: 'Categorías',
  filterReset: 'Mostrar todos los artículos',
  filterHeading: (names: string) => `Artículos en ${names}`,
  filterEmpty: 'No hay artículos guardados en estas categorías.',
  // — languages —
  alsoIn: 'También en:',
  language: 'Idioma',
  // — parallel reading —
  parallelLanguageA: 'Primer idioma',
  parallelLanguageB: 'Segundo idioma',
  parallelBack: 'Volver al artículo',
  parallelUneven: (a: string, countA: number, b: string, countB: number) =>
    `Los párrafos en ${a} (${countA}) y en ${b} (${countB}) no se corresponden uno a uno, así que cada texto se muestra completo y en orden.`,
  parallelHint: (language: string) => `Toque un párrafo para verlo en ${language}.`,
  parallelLeadCounterpart: (language: string) => `La entradilla en ${language}`,
  parallelCounterpart: (paragraph: number, language: string) =>
    `Párrafo ${paragraph} en ${language}`,
  parallelOneLanguage:
    'Este artículo solo está disponible en un idioma, así que no se puede leer en paralelo.',
  // — bookmarks —
  bookmarkAdd: 'Guardar en marcadores',
  bookmarkRemove: 'Quitar de marcadores',
  markRead: 'Marcar como leído',
  markUnread: 'Marcar como no leído',
  unreadHeading: 'Artículos sin leer',
  unreadEmpty: 'No queda nada sin leer aquí.',
  bookmarksEmpty:
    'Aún no hay marcadores. Usa «Guardar en marcadores» en cualquier artículo para tenerlo aquí, incluso sin conexión.',
  bookmarkedOn: (date: string) => `Guardado el ${date}`,
  bookmarkWithdrawn: 'Retirado por el editor — tu copia guardada sigue aquí',
  bookmarkPurged: 'Eliminado por el editor',
  bookmarkNotSaved:
    'No está guardado en este dispositivo. Se guardará en la próxima actualización si sigue en el canal.',
  bookmarkUntitled: 'Artículo sin título',
  bookmarkRemoved: 'Marcador quitado.',
  bookmarksTransfer: 'Exportar e importar',
  bookmarksExport: 'Exportar marcadores',
  bookmarksImport: 'Importar marcadores desde un archivo',
  bookmarksImported: (added: number, kept: number) =>
    (added === 1 ? '1 marcador añadido' : `${added} marcadores añadidos`) +
    (kept === 0 ? '.' : kept === 1 ? '; 1 ya estaba aquí.' : `; ${kept} ya estaban aquí.`),
  bookmarksImportFailed: 'No se pudo importar este archivo. Tus marcadores no han cambiado.',
  bookmarksFailed: 'No se pudieron leer ni guardar tus marcadores en este dispositivo.',
  // — bookmarks page —
  bookmarkUndo: 'Deshacer',
  bookmarksTransferHint:
    'Guarda tus marcadores en un archivo o añade los de un archivo exportado en otro dispositivo.',
  // — reading comfort —
  settingsAppearance: 'Apariencia',
  themeLabel: 'Tema',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  themeSystem: 'Igual que el sistema',
  textSizeLabel: 'Tamaño del texto',
  textSizeSmall: 'Pequeño',
  textSizeMedium: 'Normal',
  textSizeLarge: 'Grande',
  textSizeLarger: 'Más grande',
  share: 'Compartir',
  linkCopied: 'Enlace copiado',
  linkCopyFailed: 'No se pudo copiar el enlace.',
  shortcutsTitle: 'Atajos de teclado',
  shortcutNext: 'Siguiente artículo de la lista',
  shortcutPrevious: 'Artículo anterior de la lista',
  shortcutOpen: 'Abrir el artículo seleccionado',
  shortcutBookmark: 'Añadir o quitar el marcador del artículo',
  shortcutRead: 'Marcar el artículo como leído o no leído',
  shortcutHelp: 'Mostrar estos atajos',
  shortcutOr: 'o',
  close: 'Cerrar',
  // — comments and tabs —
  updatedInOtherTab: 'Folio se actualizó en otra pestaña.',
  reload: 'Recargar',
  closeOtherTabs: 'Cierra las demás pestañas de Folio para terminar la actualización.',
  commentFormTitle: 'Deja un comentario',
  commentFormNote:
    'Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *',
  commentName: 'Nombre',
  commentEmail: 'Correo electrónico',
  commentText: 'Comentario',
  commentSubmit: 'Publicar comentario',
  commentNameMissing: 'Escribe tu nombre.',
  commentEmailMissing: 'Escribe tu dirección de correo electrónico.',
  commentEmailInvalid: 'Escribe una dirección de correo como nombre@ejemplo.org.',
  commentTextMissing: 'Escribe tu comentario.',
  commentSending: 'Enviando tu comentario…',
  commentQueued: 'En cola: se enviará cuando tengas conexión.',
  commentSent: 'Tu comentario se envió. El sitio puede mostrarlo después de moderarlo.',
  commentRejected: (reason: string) => `El sitio no aceptó tu comentario: ${reason}`,
  // — install and updates —
  installApp: 'Instalar la aplicación',
  iosInstallHint: 'Instala Folio: toca el botón Compartir y luego «Añadir a pantalla de inicio».',
  updateAvailable: 'Hay una nueva versión',
  updateReload: 'Recargar',
  readyOffline: 'Listo para leer sin conexión',
  pwaDismiss: 'Cerrar aviso',
  // — storage —
  settingsStorage: 'Almacenamiento',
  storageUsage: (used: string, available: string) => `${used} usados, ${available} disponibles`,
  storageUsageUnknown: 'Este navegador no indica cuánto espacio se usa.',
  storagePersistent:
    'Los artículos guardados se conservan aunque el dispositivo se quede sin espacio.',
  storageBestEffort:
    'El navegador puede borrar los artículos guardados si el dispositivo se queda sin espacio.',
  storagePersist: 'Conservar los artículos guardados para siempre',
  storageRetention: 'Artículos que se guardan (los marcadores se guardan siempre)',
  storageRetentionAll: 'Todos',
  storageKeepCategory: 'Guardar esta categoría para leer sin conexión',
  storageKeepCategoryButton: 'Guardar categoría',
  storageChooseCategory: 'Elige una categoría',
  storageKeptCategories: 'Categorías guardadas sin conexión',
  storageForgetCategory: (name: string) => `Dejar de guardar ${name}`,
  storageClear: 'Borrar artículos guardados',
  storageClearConfirm: '¿Borrar todos los artículos guardados excepto tus marcadores?',
  storageClearYes: 'Borrarlos',
  storageClearNo: 'Cancelar',
  storageCleared: 'Artículos guardados borrados. Tus marcadores siguen aquí.',
  storageClearFailed: 'No se pudieron borrar los artículos guardados.',
  // — older pages (issue 5) —
  olderLoad: 'Cargar artículos anteriores',
  olderLoading: 'Cargando artículos anteriores…',
  olderAdded: (count: number) =>
    count === 1 ? 'Se añadió 1 artículo anterior.' : `Se añadieron ${count} artículos anteriores.`,
  olderOffline:
    'Estás sin conexión. Los artículos anteriores se podrán cargar cuando vuelvas a estar en línea.',
  olderError: (message: string) => `No se pudieron cargar los artículos anteriores: ${message}`,
  olderRetry: 'Volver a cargar artículos anteriores',
  olderEnd: 'Has llegado al artículo más antiguo.',
  olderCrawlSetting: 'Guardar páginas anteriores en segundo plano',
  olderCrawlProgress: (page: number, total: number | null) =>
    total === null
      ? `Guardando artículos anteriores: página ${page}`
      : `Guardando artículos anteriores: página ${page} de ${total}`,
  olderCrawlStopped:
    'Se detuvo el guardado en una página que no se pudo leer; la próxima actualización lo intentará de nuevo.',
  // — settings page —
  settingsSavedCount: (count: number, shown: string) =>
    count === 1
      ? `${shown} artículo guardado para leer sin conexión`
      : `${shown} artículos guardados para leer sin conexión`,
  settingsOlderHint: (cap: string) =>
    `Guarda la lista de hasta ${cap} artículos anteriores para consultarla sin conexión. Los textos completos siguen la opción «Artículos que se guardan».`,
  settingsOlderProgress: (page: string, total: string | null) =>
    total === null
      ? `Guardando artículos anteriores: página ${page}`
      : `Guardando artículos anteriores: página ${page} de ${total}`,
  settingsOlderDone: (count: number, shown: string) =>
    count === 1
      ? `Todas las páginas están guardadas: ${shown} artículo.`
      : `Todas las páginas están guardadas: ${shown} artículos.`,
  settingsOlderCapped: (shown: string) =>
    `${shown} artículos guardados: el máximo en segundo plano.`,
  settingsDownloadMobile: 'Descargar los artículos completos con datos móviles',
  settingsDownloadMobileHint:
    'Si está desactivado, con datos móviles o con el ahorro de datos activado solo se descargan completos los artículos de tus marcadores.',
  // — search (issue 5) —
  navSearch: 'Buscar',
  searchLabel: 'Buscar en los artículos guardados',
  searchTitle: 'Buscar',
  searchCategory: 'En la categoría',
  searchAllCategories: 'Todas las categorías',
  searchLanguage: 'En el idioma',
  searchAllLanguages: 'Todos los idiomas',
  searchPrompt:
    'Escribe una palabra o su comienzo para buscar en todos los artículos guardados, sin conexión.',
  searchSyntax:
    'Pon palabras entre comillas para buscar la frase exacta; pon un signo menos delante de una palabra para excluirla.',
  searchBuilding: 'Preparando la búsqueda en tus artículos guardados…',
  searchFailed: 'La búsqueda no está disponible ahora. Recargar la página puede ayudar.',
  searchNone: (query: string) => `Ningún artículo guardado coincide con «${query}».`,
  searchPartial: (query: string) =>
    `Ningún artículo guardado coincide con todo «${query}». Los más cercanos:`,
  searchCount: (count: number, capped: boolean) =>
    capped
      ? `Más de ${count.toLocaleString('es')} resultados`
      : count === 1
        ? '1 resultado'
        : `${count.toLocaleString('es')} resultados`,
  searchMore: 'Mostrar más resultados',
  shortcutSearch: 'Ir al campo de búsqueda',
  // — shell —
  menu: 'Menú',
  searchPlaceholder: 'Buscar en los artículos guardados',
  searchClose: 'Cerrar la búsqueda',
  languageInterfaceOnly: 'Solo menús y mensajes',
  notSavedYet: 'Aún no guardado para leer sin conexión',
  // — status and titles —
  titleWithSite: (page: string, site: string) => `${page} · ${site}`,
  titleParallel: (title: string) => `En paralelo: ${title}`,
  titleSearch: (query: string) => `Búsqueda: ${query}`,
  // — leído y no leído —
  unreadMark: 'No leído',
  unreadOf: (unread: string, total: string) => `${unread} sin leer de ${total}`,
  unreadCount: (count: number, shown: string) =>
    count === 0 ? 'Todo leído' : count === 1 ? '1 sin leer' : `${shown} sin leer`,
  unreadOnly: 'Solo sin leer',
  markAllRead: 'Marcar todo leído',
  markedAllRead: (count: number, shown: string) =>
    count === 1 ? '1 artículo marcado como leído.' : `${shown} artículos marcados como leídos.`,
  readMarkFailed: 'No se pudo guardar: el almacenamiento del navegador está lleno o no disponible.',
  newSinceVisit: 'Nuevo desde tu última visita',
  // — subrayados y notas —
  highlightSelection: 'Subrayar',
  highlightFailed:
    'No se pudo guardar: el almacenamiento del navegador está lleno o no disponible.',
  highlightDialogTitle: 'Subrayado',
  highlightNote: 'Nota',
  highlightSave: 'Guardar',
  highlightDelete: 'Borrar subrayado',
  highlightsHeading: (count: number) =>
    count === 1 ? 'Tu subrayado' : `Tus subrayados (${count})`,
  highlightShow: 'Ver en el texto',
  highlightAddNote: 'Añadir una nota',
  highlightEditNote: 'Editar la nota',
  highlightOrphaned: 'Este pasaje ya no está en el artículo. Tu nota se conserva.',
  highlightTakenDown: 'El editor retiró este artículo, y su texto con él. Tu nota se conserva.',
  shortcutHighlight: 'Subrayar la selección, o el primer párrafo en pantalla',
  navHighlights: 'Subrayados',
  libraryNav: 'Tus colecciones',
  highlightsFailed: 'No se pudieron leer tus subrayados. Siguen guardados; inténtalo de nuevo.',
  highlightsEmpty:
    'Aún no hay subrayados. Selecciona un pasaje de un artículo y elige Subrayar, o pulsa h.',
  highlightsFilter: 'Buscar en tus subrayados y notas',
  highlightsFound: (count: number, shown: string) =>
    count === 0
      ? 'Ningún subrayado coincide.'
      : count === 1
        ? '1 subrayado'
        : `${shown} subrayados`,
  highlightOpen: 'Abrir en el pasaje',
  readerLayerImported: (highlights: number, reads: number) =>
    `${highlights === 1 ? '1 subrayado' : `${highlights} subrayados`} y ${reads === 1 ? '1 marca de lectura' : `${reads} marcas de lectura`} al día.`,
  highlightsExport: 'Exportar en Markdown',
  highlightsExportJson: 'Exportar en JSON',
};

export default es;
