"""Packaging for latentinv: metadata comes from settings.ini (the nbdev 2 layout)."""
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
lic = licenses[cfg['license']]
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable']

requirements = cfg.get('requirements', '').split()
train_requirements = cfg.get('train_requirements', '').split()
ray_requirements = cfg.get('ray_requirements', '').split()
sd_requirements = cfg.get('sd_requirements', '').split()
dev_requirements = cfg.get('dev_requirements', '').split() + train_requirements + ray_requirements + sd_requirements

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    author=cfg['author'],
    author_email=cfg['author_email'],
    url=cfg['git_url'],
    license=lic[0],
    classifiers=[
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'License :: ' + lic[1],
        'Natural Language :: ' + cfg['language'].title(),
        'Programming Language :: Python :: 3',
        'Topic :: Scientific/Engineering :: Image Processing',
    ],
    keywords=cfg['keywords'],
    packages=setuptools.find_packages(include=['latentinv', 'latentinv.*']),
    include_package_data=True,
    package_data={'latentinv': ['data/*', 'data/**/*']},
    install_requires=requirements,
    extras_require={'dev': dev_requirements, 'train': train_requirements, 'ray': ray_requirements, 'sd': sd_requirements},
    python_requires='>=' + cfg['min_python'],
    zip_safe=False,
    entry_points={
        'console_scripts': cfg['console_scripts'].split('\n'),
        'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"],
    },
)
