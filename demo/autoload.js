// Content added after the page loaded, as a CMS widget or a single-page app would add it.
document.querySelector('#add-feed').addEventListener('click', () => {
  const section = document.createElement('section');
  section.innerHTML = '<h2>Recognition</h2><peer-kudos-feed page-size="5"></peer-kudos-feed>';
  document.querySelector('#later').append(section);
});
