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
  readMore: 'Leer el artículo',
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
  parallelCounterpart: (paragraph: number, language: string) =>
    `Párrafo ${paragraph} en ${language}`,
  parallelOneLanguage:
    'Este artículo solo está disponible en un idioma, así que no se puede leer en paralelo.',
  // — bookmarks —
  bookmarkAdd: 'Guardar en marcadores',
  bookmarkRemove: 'Quitar de marcadores',
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
  shortcutHelp: 'Mostrar estos atajos',
  shortcutOr: 'o',
  close: 'Cerrar',
};

export default es;
